package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A claw-back (terugvordering) of wrongly paid declarations. The shares say what is reclaimed of each named
 * declaration; together they make up the amount, and what is reclaimed can be neither credited nor reclaimed again.
 */
@Revision("1")
public record ClawBackIssued(String ceilingId,
                             String clawBackId,
                             Money amount,
                             String reason,
                             List<ClawBackShare> shares,
                             Instant issuedAt) {

    public List<String> declarationIds() {
        return shares.stream().map(ClawBackShare::declarationId).toList();
    }
}
