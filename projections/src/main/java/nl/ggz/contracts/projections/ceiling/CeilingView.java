package nl.ggz.contracts.projections.ceiling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A ceiling's figures (DESIGN.md §5 arithmetic) with its thresholds, increase requests, addenda and claw-backs. */
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
                          BigDecimal utilisationPercent,
                          List<Integer> thresholdsReached,
                          List<Threshold> thresholds,
                          long declarations,
                          long credits,
                          List<IncreaseRequestView> increaseRequests,
                          List<AddendumView> addenda,
                          List<ClawBackView> clawBacks) {

    public record Threshold(int percent, Instant reachedAt, long countedCents, long ceilingCents) {
    }

    public record IncreaseRequestView(String requestId, long amountCents, String grounds, String status,
                                      Instant requestedAt, Instant decisionDueAt, boolean overdue, Instant decidedAt,
                                      Long approvedCents, String decisionGrounds, String addendumId) {
    }

    public record AddendumView(String addendumId, String requestId, long amountCents, Instant offeredAt,
                               Instant signedAt, String signedBy) {
    }

    public record ClawBackView(String clawBackId, long amountCents, String reason, List<String> declarationIds,
                               Instant issuedAt) {
    }
}
