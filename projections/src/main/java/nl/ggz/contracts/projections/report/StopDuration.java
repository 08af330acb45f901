package nl.ggz.contracts.projections.report;

/**
 * Seed 003 §4.3 (figures 4 and 5): patient stops are reported by duration — under 1 month, 1 to 3 months, over 3
 * months; a stop not yet lifted is {@link #ONGOING}.
 * <p>
 * How it is measured: {@code durationDays} counts calendar days with both the first ({@code from}) and the last
 * ({@code to}) day of the stop included, so a stop lifted on the day it began lasted 1 day. A month is taken at its
 * longest, 31 days, and three months at their longest, 92 days (e.g. July–September): a stop is "under 1 month" when
 * it lasted fewer than 31 days, "1 to 3 months" from 31 up to and including 92 days, "over 3 months" from 93 days.
 * So the bucket follows from the reported {@code durationDays} alone, whatever month the stop began in, and a stop
 * is never said to exceed a period it could have fitted in. The duration is that of the whole stop, also in the report
 * of a year it only partly overlaps.
 */
public enum StopDuration {
    UNDER_1_MONTH, ONE_TO_3_MONTHS, OVER_3_MONTHS, ONGOING;

    /** Fewer days than this is under one month. */
    public static final int ONE_MONTH_DAYS = 31;
    /** Up to and including this many days is at most three months. */
    public static final int THREE_MONTHS_DAYS = 92;

    /** The duration in days of the stop in the given date columns; NULL while it is in force. */
    static String daysSql(String from, String to) {
        return "(" + to + " - " + from + " + 1)";
    }

    /** The bucket of the stop in the given date columns, as SQL. */
    static String bucketSql(String from, String to) {
        String days = daysSql(from, to);
        return "CASE WHEN " + to + " IS NULL THEN '" + ONGOING + "'"
                + " WHEN " + days + " < " + ONE_MONTH_DAYS + " THEN '" + UNDER_1_MONTH + "'"
                + " WHEN " + days + " <= " + THREE_MONTHS_DAYS + " THEN '" + ONE_TO_3_MONTHS + "'"
                + " ELSE '" + OVER_3_MONTHS + "' END";
    }

    /**
     * A stop belongs to every year it overlaps: it began before the year ended and was not lifted before the year
     * began (the reports add that its contract must cover the year, see {@link ReportYear#contractCovers}).
     */
    static String overlapsYearSql(String from, String to, String yearStart, String yearEnd) {
        return from + " <= " + yearEnd + " AND (" + to + " IS NULL OR " + to + " >= " + yearStart + ")";
    }
}
