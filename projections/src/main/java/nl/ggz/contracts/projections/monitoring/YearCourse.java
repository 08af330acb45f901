package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.domain.shared.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Where a contract year stands on a given day: how much of it has passed, and when a ceiling runs out at its pace. */
public final class YearCourse {

    /** The run rate is taken over the last 90 days of care (or the days of the year so far, if fewer). */
    public static final int RUN_RATE_DAYS = 90;

    private YearCourse() {
    }

    /** The share of the year passed by the end of {@code today}, as a percentage with one decimal. */
    public static BigDecimal expectedUtilisationPercent(int year, LocalDate today) {
        if (today.getYear() < year) {
            return BigDecimal.ZERO.setScale(1);
        }
        if (today.getYear() > year) {
            return BigDecimal.valueOf(100).setScale(1);
        }
        return BigDecimal.valueOf(today.getDayOfYear() * 100L)
                .divide(BigDecimal.valueOf(today.lengthOfYear()), 1, RoundingMode.HALF_UP);
    }

    /** The first day of the run-rate window that ends on {@code today} (inclusive). */
    public static LocalDate runRateStart(int year, LocalDate today) {
        LocalDate start = today.minusDays(RUN_RATE_DAYS - 1L);
        LocalDate firstOfYear = LocalDate.of(year, 1, 1);
        return start.isBefore(firstOfYear) ? firstOfYear : start;
    }

    /**
     * The day the room left under the ceiling is used up if care goes on at the rate of the run-rate window; null when
     * there is no room left (the ceiling is reached), no recent care, the year is over, or it lasts the year.
     *
     * @param recentCents counted declarations with a treatment date in the window from {@link #runRateStart} to today
     */
    public static LocalDate projectedExhaustion(int year, LocalDate today, Money room, long recentCents) {
        if (today.getYear() != year || !room.isPositive() || recentCents <= 0) {
            return null;
        }
        long windowDays = ChronoUnit.DAYS.between(runRateStart(year, today), today) + 1;
        // days = ceil(room / (recent / window)), exact: a large ceiling at a slow pace runs out ages after the year
        // (and after the last day a LocalDate can hold), which is simply "lasts the year"
        BigInteger[] quotient = BigInteger.valueOf(room.cents()).multiply(BigInteger.valueOf(windowDays))
                .divideAndRemainder(BigInteger.valueOf(recentCents));
        BigInteger days = quotient[1].signum() == 0 ? quotient[0] : quotient[0].add(BigInteger.ONE);
        long daysLeftInYear = ChronoUnit.DAYS.between(today, LocalDate.of(year, 12, 31));
        return days.compareTo(BigInteger.valueOf(daysLeftInYear)) <= 0 ? today.plusDays(days.longValueExact()) : null;
    }
}
