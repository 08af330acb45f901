package nl.ggz.contracts.eventstore;

import org.axonframework.common.DateTimeUtils;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants in the form Axon stores event timestamps: ISO-8601 in UTC with exactly three decimals
 * ({@code 2027-03-01T09:15:00.250Z}). Strings of that fixed width sort as their instants do (compared with
 * {@code COLLATE "C"}), so the timestamp column can be filtered without parsing every row. A stored timestamp is cut to
 * the millisecond, so a bound with a finer fraction is rounded to the millisecond that keeps the comparison exact.
 */
final class EventTimestamps {

    private EventTimestamps() {
    }

    /** For {@code timestamp <= bound}: the stored timestamps at or before the instant are those at or before its millisecond. */
    static String atOrBefore(Instant instant) {
        return DateTimeUtils.formatInstant(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** For {@code timestamp >= bound} and {@code timestamp < bound}: the instant rounded up to the next millisecond. */
    static String roundedUp(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return DateTimeUtils.formatInstant(millis.equals(instant) ? millis : millis.plusMillis(1));
    }
}
