package nl.ggz.contracts.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Instants are UTC; contract dates and deadlines are Dutch dates (Europe/Amsterdam). */
public final class DomainTime {
    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private DomainTime() {
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }

    /** The first instant of the given Dutch calendar day. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(AMSTERDAM).toInstant();
    }

    /**
     * The end of the given Dutch calendar day: the first instant of the next one. Something due "on" a day is in time
     * before this instant, whatever the hour, and whether the day is 23, 24 or 25 hours long (daylight saving time).
     */
    public static Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }
}
