package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

/** A declination or withdrawal, with an optional reason. */
public record ReasonRequest(@Size(max = Limits.MAX_TEXT) String reason) {
}
