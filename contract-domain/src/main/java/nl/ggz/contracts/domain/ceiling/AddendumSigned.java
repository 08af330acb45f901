package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;

/** The ceiling is raised now; {@code released} is what was held above the old ceiling and is payable now. */
public record AddendumSigned(String ceilingId,
                             String addendumId,
                             String signedBy,
                             Instant signedAt,
                             Money amount,
                             Money previousCeiling,
                             Money newCeiling,
                             Money released) {
}
