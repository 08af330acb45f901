package nl.ggz.contracts.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * How care spreads over the year: less in the summer holidays and in the last weeks of December, more in spring and
 * autumn. Weights are per mille of an even month and add up to 12,000, so a year of weights is a year of care.
 */
final class SeasonCurve {

    private static final int[] PER_MILLE = {
            1000, 1050, 1150, 1100, 1050, 950,   // January – June
            750, 750, 1100, 1150, 1100, 850};    // July – December

    private SeasonCurve() {
    }

    static int perMille(int month) {
        return PER_MILLE[month - 1];
    }

    /** Per mille of a whole year's care that falls in months 1 to {@code month}. */
    static int cumulativePerMille(int month) {
        int sum = 0;
        for (int m = 1; m <= month; m++) {
            sum += PER_MILLE[m - 1];
        }
        return sum / 12;
    }

    /** A working day of the month for a treatment; after 22 December only one treatment in four goes ahead. */
    static LocalDate treatmentDay(int year, int month, Random random) {
        LocalDate first = LocalDate.of(year, month, 1);
        while (true) {
            LocalDate day = first.plusDays(random.nextInt(first.lengthOfMonth()));
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean christmas = month == 12 && day.getDayOfMonth() > 22 && random.nextInt(4) != 0;
            if (!weekend && !christmas) {
                return day;
            }
        }
    }
}
