package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The ceiling is raised now; {@code released} is what was held above the old ceiling and is payable now. */
@Revision("1")
public record AddendumSigned(String ceilingId,
                             String addendumId,
                             String signedBy,
                             Instant signedAt,
                             Money amount,
                             Money previousCeiling,
                             Money newCeiling,
                             Money released) {
}
