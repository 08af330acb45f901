package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;
import java.util.List;

public record ClawBackIssued(String ceilingId,
                             String clawBackId,
                             Money amount,
                             String reason,
                             List<String> declarationIds,
                             Instant issuedAt) {
}
