package nl.ggz.contracts.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A clock that reads the story's moment on a thread that is writing a step of the demo, and the clock it wraps
 * everywhere else. The demo writes several scenarios at once in the same process as the requests of real callers, so
 * the story's "now" belongs to a thread, not to the application: a request served meanwhile keeps the system's time.
 * <p>
 * One step is one moment: every event a command causes carries the step's instant, as a command handled within the
 * same millisecond would. The story's moment is shared by all instances (it is the thread's), so a clock wrapped twice
 * still reads it once.
 */
final class StoryClock extends Clock {

    private static final ThreadLocal<Instant> STORY_NOW = new ThreadLocal<>();

    private final Clock delegate;

    StoryClock(Clock delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Runs {@code work} on this thread with the story's clock at {@code moment}; the thread's time before is restored. */
    static <T> T at(Instant moment, Callable<T> work) throws Exception {
        Instant before = enter(moment);
        try {
            return work.call();
        } finally {
            restore(before);
        }
    }

    /** Sets the story's moment on this thread until {@link #restore}: for work that ends in a callback. */
    static Instant enter(Instant moment) {
        Instant before = STORY_NOW.get();
        STORY_NOW.set(Objects.requireNonNull(moment, "moment"));
        return before;
    }

    static void restore(Instant before) {
        if (before == null) {
            STORY_NOW.remove();
        } else {
            STORY_NOW.set(before);
        }
    }

    /** Whether this thread is writing a step of the story. */
    static boolean inStory() {
        return STORY_NOW.get() != null;
    }

    @Override
    public Instant instant() {
        Instant story = STORY_NOW.get();
        return story != null ? story : delegate.instant();
    }

    /** The wrapped clock's instant, on any thread. */
    Instant outsideStory() {
        return delegate.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new StoryClock(delegate.withZone(zone));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoryClock story && story.delegate.equals(delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "StoryClock[" + delegate + "]";
    }
}
