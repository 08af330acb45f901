package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A claw-back (terugvordering) of wrongly paid declarations. The shares say what is reclaimed of each named
 * declaration; together they make up the amount, and what is reclaimed can be neither credited nor reclaimed again.
 * <p>
 * Seed 000 (⓴): insurers reclaim declarations "die onterecht betaald zijn" — what was paid. Of the amount, what takes
 * the payable total down is reclaimed from what was paid ({@code payableReduction}, counted as clawed back); what only
 * takes away from the amounts held unpaid above the ceiling ({@code unpaidReduction}) was never paid (seed 001:
 * "Declaraties ... boven het zorgkostenplafond ... betalen wij niet uit"), so nothing is reclaimed there: it no longer
 * counts, and a later raise of the ceiling cannot release it. {@code afterSettlement}: issued after the year was
 * settled, a recovery after settlement. Revision 2 added the three; claw-backs stored before count as reclaimed in full,
 * as they were answered then.
 */
@Revision("2")
public record ClawBackIssued(String ceilingId,
                             String clawBackId,
                             Money amount,
                             String reason,
                             List<ClawBackShare> shares,
                             Instant issuedAt,
                             Money payableReduction,
                             Money unpaidReduction,
                             boolean afterSettlement) {

    /** A claw-back reclaimed in full from what was paid, before settlement (the meaning of revision 1). */
    public ClawBackIssued(String ceilingId, String clawBackId, Money amount, String reason, List<ClawBackShare> shares,
                          Instant issuedAt) {
        this(ceilingId, clawBackId, amount, reason, shares, issuedAt, amount, Money.ZERO, false);
    }

    public List<String> declarationIds() {
        return shares.stream().map(ClawBackShare::declarationId).toList();
    }
}
