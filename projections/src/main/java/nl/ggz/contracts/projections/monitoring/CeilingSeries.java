package nl.ggz.contracts.projections.monitoring;

import java.util.List;

/** A ceiling's year month by month, for a chart of cumulative payable declarations against the ceiling. */
public record CeilingSeries(String ceilingId, String contractId, int year, long initialCeilingCents,
                            List<Month> months, List<ThresholdReached> thresholdsReached) {

    /**
     * @param declaredCents            declarations (net of credits) with a treatment date in the month
     * @param clawedBackCents          what claw-backs issued in the month reclaimed of what was paid
     * @param withdrawnUnpaidCents     what they took off the amounts held unpaid above the ceiling (seed 000 ⓴)
     * @param cumulativeCountedCents   declared less clawed back and withdrawn, from January to the end of the month
     * @param cumulativePayableCents   the cumulative counted amount up to the ceiling in force
     * @param ceilingCents             the ceiling in force at the end of the month (raised by signed addenda)
     * @param evenSpreadCents          the ceiling spread evenly over the days of the year, to the end of the month
     */
    public record Month(String month, long declaredCents, long clawedBackCents, long withdrawnUnpaidCents,
                        long cumulativeCountedCents,
                        long cumulativePayableCents, long ceilingCents, long evenSpreadCents) {
    }
}
