package nl.ggz.contracts.projections.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One round of a contract's negotiation, to set the rounds side by side: round 0 is the insurer's offer, each later
 * round a proposal of either side carrying the whole terms it put on the table.
 *
 * @param proposedBy        PURCHASER (the insurer; always for round 0) or PROVIDER
 * @param tariffPercentage  the one tariff of every setting; null when they differ (see tariffPercentages)
 * @param tariffPercentages the tariff per setting, by setting number (seed 001)
 * @param answerDueAt       for a provider's proposal (a quote): when the insurer must have answered it (seed 002 §6.3)
 * @param answerOverdue     the insurer did not answer it in time
 * @param acceptedAt        when the insurer accepted this provider's proposal (seed 000: "bij overeenstemming"); null
 *                          when it did not
 * @param standing          where the round stands now (see {@link Standing})
 */
public record ProposalRound(int round,
                            String proposedBy,
                            Instant proposedAt,
                            long ceilingCents,
                            BigDecimal tariffPercentage,
                            Map<String, BigDecimal> tariffPercentages,
                            List<Integer> settings,
                            Instant answerDueAt,
                            boolean answerOverdue,
                            Instant acceptedAt,
                            String acceptedBy,
                            Standing standing) {

    /** Where a round stands: only the latest round can be on the table, signed or closed with the offer. */
    public enum Standing {
        /** A later round replaced it. */
        SUPERSEDED,
        /** The latest round of an open offer: the terms the provider signs (once accepted, when it is its own). */
        ON_THE_TABLE,
        /** The terms signed. */
        SIGNED,
        /** The latest round of an offer that closed unsigned (declined, withdrawn, expired). */
        CLOSED
    }
}
