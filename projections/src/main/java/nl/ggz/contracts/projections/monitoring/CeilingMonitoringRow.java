package nl.ggz.contracts.projections.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One ceiling as the purchaser watches it: the figures (DESIGN.md §5 arithmetic), thresholds with their dates, the
 * pace against an even spread of the year, the projected exhaustion date at the recent run rate, open requests;
 * {@code settledAt} once the year was settled (seed 000), and what claw-backs recovered after that.
 */
public record CeilingMonitoringRow(String ceilingId,
                                   String contractId,
                                   String insurerUzovi,
                                   String providerAgb,
                                   String providerType,
                                   String kind,
                                   int year,
                                   long initialCeilingCents,
                                   long ceilingCents,
                                   long declaredCents,
                                   long payableCents,
                                   long unpaidCents,
                                   long clawedBackCents,
                                   long withdrawnUnpaidCents,
                                   BigDecimal utilisationPercent,
                                   List<ThresholdReached> thresholdsReached,
                                   BigDecimal expectedUtilisationPercent,
                                   Pace pace,
                                   long recentRunRateCentsPerDay,
                                   LocalDate projectedExhaustionDate,
                                   List<OpenIncreaseRequest> openIncreaseRequests,
                                   Instant settledAt,
                                   long recoveredAfterSettlementCents) {
}
