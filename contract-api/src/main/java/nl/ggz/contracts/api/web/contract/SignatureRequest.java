package nl.ggz.contracts.api.web.contract;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** @param signedBy the person signing for the provider; the caller's name when left out */
public record SignatureRequest(@ValidText(Text.NAME) String signedBy) {
}
