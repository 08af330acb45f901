package nl.ggz.contracts.api;

import nl.ggz.contracts.domain.shared.DomainTime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server's clock, movable by whole Dutch calendar days: to decide an increase request weeks after it was made
 * without waiting for weeks. Real time runs on; only the days are shifted.
 */
final class MovableClock extends Clock {

    private volatile int dayShift;

    /** From now on the server lives {@code days} Dutch calendar days from today (negative: in the past). */
    void shiftDays(int days) {
        this.dayShift = days;
    }

    void reset() {
        shiftDays(0);
    }

    @Override
    public Instant instant() {
        return Instant.now().atZone(DomainTime.AMSTERDAM).plusDays(dayShift).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server clock is UTC");
    }
}
