package nl.ggz.contracts.jdbc;

import java.util.concurrent.Callable;

/**
 * Whether the event handled on this thread is applied on its own: its writes go to the database at once, inside a
 * savepoint of their own, so that a write that fails is undone alone and the event can be parked in the dead-letter
 * queue while the rest of the batch commits. A read model normally gathers a batch's writes ({@link CommitBatch}) and
 * sends them at commit, where a failure cannot be traced to one event; after such a failure the batch is applied
 * again in isolation (see contract-api's ReadModelIsolation).
 */
public final class EventIsolation {

    private static final ThreadLocal<Boolean> ISOLATED = new ThreadLocal<>();

    private EventIsolation() {
    }

    public static boolean active() {
        return ISOLATED.get() != null;
    }

    /** Runs {@code work} with each event it handles isolated; nests. */
    public static <T> T isolated(Callable<T> work) throws Exception {
        if (active()) {
            return work.call();
        }
        ISOLATED.set(Boolean.TRUE);
        try {
            return work.call();
        } finally {
            ISOLATED.remove();
        }
    }
}
