package nl.ggz.contracts.api.web.contract;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** A declination or withdrawal, with an optional reason. */
public record ReasonRequest(@ValidText(Text.FREE_TEXT) String reason) {
}
