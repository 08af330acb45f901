package nl.ggz.contracts.projections.monitoring;

import java.math.BigDecimal;
import java.util.Map;

/** The sum of the rows shown: an insurer's contract year at a glance. */
public record MonitoringTotals(int ceilings,
                               long initialCeilingCents,
                               long ceilingCents,
                               long declaredCents,
                               long payableCents,
                               long unpaidCents,
                               long clawedBackCents,
                               long withdrawnUnpaidCents,
                               BigDecimal utilisationPercent,
                               Map<Integer, Integer> ceilingsPerThresholdReached,
                               int openIncreaseRequests,
                               int overdueIncreaseRequests,
                               int ceilingsSettled) {
}
