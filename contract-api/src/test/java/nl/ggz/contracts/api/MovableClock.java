package nl.ggz.contracts.api;

import nl.ggz.contracts.domain.shared.DomainTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The tests' server clock: real time, moved forward by whole Dutch calendar days to a day of the year on which the
 * tests' dates make sense, and movable by more days (to decide an increase request weeks after it was made without
 * waiting for weeks).
 * <p>
 * Why the base shift: the tests declare care on fixed days of the running year (January to June) and the server
 * refuses care in the future (seed 000 ⓰–⓱), while an offer for a term that has already ended is refused too — so from
 * 1 January to June no year would do. The server therefore lives on a day between {@link #FIRST_DAY} and
 * {@link #LAST_DAY} of a year (today when today is one of them, otherwise the next {@link #FIRST_DAY}), always later
 * than real time, never earlier: db-scheduler runs deadlines on real time, and a server living in the past would see
 * them fire at once. {@code -Dggz.test.day-shift=N} forces the shift, to try the suite as it will run in January.
 */
final class MovableClock extends Clock {

    static final MonthDay FIRST_DAY = MonthDay.of(11, 23);
    static final MonthDay LAST_DAY = MonthDay.of(12, 15);

    /** Days the server lives ahead of real time for the whole run. */
    static final int BASE_SHIFT = baseShift(LocalDate.now(DomainTime.AMSTERDAM));

    private final int base;
    private volatile int dayShift;

    MovableClock() {
        this(BASE_SHIFT);
    }

    /** A clock {@code base} days ahead of real time (0: real time, for an application whose story runs on it). */
    MovableClock(int base) {
        this.base = base;
    }
    private volatile boolean realTime;

    /** The Dutch calendar day the server lives on while the clock is not moved: the tests' "today". */
    static LocalDate today() {
        return LocalDate.now(DomainTime.AMSTERDAM).plusDays(BASE_SHIFT);
    }

    static int baseShift(LocalDate realToday) {
        Integer forced = Integer.getInteger("ggz.test.day-shift");
        if (forced != null) {
            return forced;
        }
        MonthDay day = MonthDay.from(realToday);
        if (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY)) {
            return 0;
        }
        LocalDate next = FIRST_DAY.atYear(realToday.getYear());
        if (next.isBefore(realToday)) {
            next = FIRST_DAY.atYear(realToday.getYear() + 1);
        }
        return (int) ChronoUnit.DAYS.between(realToday, next);
    }

    /** From now on the server lives {@code days} Dutch calendar days from the tests' today (negative: before it). */
    void shiftDays(int days) {
        this.dayShift = days;
    }

    void reset() {
        shiftDays(0);
    }

    /** Runs the work with the clock at real time (tokens are checked against it), then moves it back. */
    void inRealTime(Runnable work) {
        realTime = true;
        try {
            work.run();
        } finally {
            realTime = false;
        }
    }

    @Override
    public Instant instant() {
        if (realTime) {
            return Instant.now();
        }
        return Instant.now().atZone(DomainTime.AMSTERDAM).plusDays(base + (long) dayShift).toInstant();
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
