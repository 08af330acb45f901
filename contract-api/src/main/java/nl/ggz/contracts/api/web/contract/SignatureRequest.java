package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

/** @param signedBy the person signing for the provider; the caller's name when left out */
public record SignatureRequest(@Size(max = Limits.MAX_NAME) String signedBy) {
}
