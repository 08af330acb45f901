package nl.ggz.contracts.projections.ceiling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A ceiling's figures (DESIGN.md §5 arithmetic) with its thresholds, increase requests, addenda and claw-backs.
 * <p>
 * counted = declared − clawedBack − withdrawnUnpaid: a claw-back reclaims what was paid ({@code clawedBackCents}); what
 * it took off the amounts held unpaid above the ceiling was never paid and is only withdrawn (seed 000 ⓴, seed 001).
 * {@code thresholdsReached} are the marks reached against the ceiling in force (seed 001); {@code thresholds} is every
 * crossing, with the ceiling it was reached against and, for a mark a raise left unreached, when it was cleared.
 * {@code settledAt} and {@code settlement}: the year was closed with these final figures (seed 000: settlement
 * continues into the next year); {@code recoveredAfterSettlementCents}: what claw-backs reclaimed after it.
 */
public record CeilingView(String ceilingId,
                          String contractId,
                          String insurerUzovi,
                          String providerAgb,
                          int year,
                          long initialCeilingCents,
                          long ceilingCents,
                          long declaredCents,
                          long payableCents,
                          long unpaidCents,
                          long clawedBackCents,
                          long withdrawnUnpaidCents,
                          BigDecimal utilisationPercent,
                          List<Integer> thresholdsReached,
                          List<Threshold> thresholds,
                          long declarations,
                          long credits,
                          Instant settledAt,
                          Settlement settlement,
                          long recoveredAfterSettlementCents,
                          List<IncreaseRequestView> increaseRequests,
                          List<AddendumView> addenda,
                          List<ClawBackView> clawBacks) {

    public record Threshold(int percent, Instant reachedAt, long countedCents, long ceilingCents, Instant clearedAt,
                            String clearedByAddendumId) {
    }

    /** The final figures of the year as settled. */
    public record Settlement(Instant settledAt, long ceilingCents, long declaredCents, long payableCents,
                             long unpaidCents, long clawedBackCents, long withdrawnUnpaidCents) {
    }

    /**
     * An increase request: {@code status} SUBMITTED, INFORMATION_REQUESTED (the decision clock stopped:
     * {@code decisionDueAt} null), COMPLETE, APPROVED or REJECTED; {@code completeAt} when it was last complete, from
     * which the decision period runs (seed 001).
     */
    public record IncreaseRequestView(String requestId, long amountCents, String grounds, List<String> criteria,
                                      String status, Instant requestedAt, Instant completeAt, Instant decisionDueAt,
                                      boolean overdue, List<InformationRound> information, Instant decidedAt,
                                      Long approvedCents, String decisionGrounds, List<String> rejectionReasons,
                                      String addendumId) {
    }

    /** A question of the purchaser on a request, and the provider's answer once given. */
    public record InformationRound(Instant askedAt, String question, Instant answeredAt, String answer) {
    }

    public record AddendumView(String addendumId, String requestId, long amountCents, Instant offeredAt,
                               Instant signedAt, String signedBy) {
    }

    /**
     * {@code reclaimedCents}: of the amount, what was reclaimed from what was paid; {@code withdrawnUnpaidCents}: what
     * only came off the amounts held unpaid; {@code afterSettlement}: a recovery on a settled year.
     */
    public record ClawBackView(String clawBackId, long amountCents, long reclaimedCents, long withdrawnUnpaidCents,
                               boolean afterSettlement, String reason, List<String> declarationIds, Instant issuedAt) {
    }
}
