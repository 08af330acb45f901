package nl.ggz.contracts.api.web.contract;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** @param acceptedBy the person accepting the provider's proposal for the insurer; the caller's name when left out */
public record AcceptanceRequest(@ValidText(Text.NAME) String acceptedBy) {
}
