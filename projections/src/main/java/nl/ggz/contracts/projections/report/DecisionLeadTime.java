package nl.ggz.contracts.projections.report;

/**
 * Seed 003 §4.2 "Doorlooptijd van een verzoek tot bijcontractering": how long a decision on an increase request took
 * — within the 4 weeks the purchasing policies promise (seed 001), 1 to 3 months (what the NZa found to be usual),
 * over 3 months, or still open.
 * <p>
 * How it is measured: in Dutch calendar days (Europe/Amsterdam) from the day the request was complete (the day it was
 * submitted, or the day the provider sent the information asked for: seed 001 counts the decision period from the
 * complete request) to the day of the approval or rejection — the same days the policy's decision periods count. Within 4 weeks is at most 28 days; "1 to 3 months" is everything after that up to and
 * including 92 days (three months at their longest, as for patient stops, {@link StopDuration}); over 3 months is
 * more. A request without a decision is {@link #OPEN}, however old.
 */
public enum DecisionLeadTime {
    WITHIN_4_WEEKS, ONE_TO_3_MONTHS, OVER_3_MONTHS, OPEN;

    public static final int FOUR_WEEKS_DAYS = 28;
    public static final int THREE_MONTHS_DAYS = StopDuration.THREE_MONTHS_DAYS;

    /** The bucket of the request in the given timestamptz columns, as SQL. */
    static String bucketSql(String completeAt, String decidedAt) {
        String days = "((" + decidedAt + " AT TIME ZONE 'Europe/Amsterdam')::date - (" + completeAt
                + " AT TIME ZONE 'Europe/Amsterdam')::date)";
        return "CASE WHEN " + decidedAt + " IS NULL THEN '" + OPEN + "'"
                + " WHEN " + days + " <= " + FOUR_WEEKS_DAYS + " THEN '" + WITHIN_4_WEEKS + "'"
                + " WHEN " + days + " <= " + THREE_MONTHS_DAYS + " THEN '" + ONE_TO_3_MONTHS + "'"
                + " ELSE '" + OVER_3_MONTHS + "' END";
    }
}
