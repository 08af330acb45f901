package nl.ggz.contracts.projections.monitoring;

import java.math.BigDecimal;

/**
 * Utilisation against an even spread of the year (seed 001: providers are to spread care evenly over the year, so
 * that care stays available until December). More than 10 percentage points off the even line is worth a look.
 */
public enum Pace {
    AHEAD, ON_TRACK, BEHIND;

    private static final BigDecimal TOLERANCE = BigDecimal.TEN;

    public static Pace of(BigDecimal actualPercent, BigDecimal expectedPercent) {
        BigDecimal difference = actualPercent.subtract(expectedPercent);
        if (difference.compareTo(TOLERANCE) > 0) {
            return AHEAD;
        }
        return difference.compareTo(TOLERANCE.negate()) < 0 ? BEHIND : ON_TRACK;
    }
}
