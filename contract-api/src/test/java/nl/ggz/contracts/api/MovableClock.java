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

    /** Runs the work with the clock at today, then moves it back where it was. */
    void inRealTime(Runnable work) {
        int shift = dayShift;
        reset();
        try {
            work.run();
        } finally {
            shiftDays(shift);
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().atZone(DomainTime.AMSTERDAM).plusDays(dayShift).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moved instant, seen in another zone (the monitoring asks for today in Amsterdam). */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock moved = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return moved.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }
        };
    }
}
