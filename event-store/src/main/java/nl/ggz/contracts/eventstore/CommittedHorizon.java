package nl.ggz.contracts.eventstore;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The highest global position up to which the event table is final: every position at or below it is either an event
 * that is committed, or one that will never exist (a rolled-back write leaves a gap for good).
 * <p>
 * Why this is needed: a position is drawn from the {@code globalindex} sequence when the event is inserted, but only
 * visible once its transaction commits. A claims batch that drew position 104 may still be committing while 105 is
 * already visible; an export that ended at 105 would be resumed with {@code after=105} and miss 104 for ever.
 * <p>
 * How: read the highest visible position M, then list the transactions that hold a write lock on the event table
 * (PostgreSQL's {@code RowExclusiveLock}, taken by an INSERT before it draws its position and held until its
 * transaction ends), and wait until each of those has ended. Any event below M that was not visible yet drew its
 * position before M did, so its transaction held that lock when the list was taken; once the listed transactions have
 * ended, everything up to M is settled, and an export read after that (a new snapshot) sees all of it. Transactions
 * that start writing later draw positions above M. The wait is as long as the longest write open at that moment
 * (milliseconds; a claims batch takes up to about a second). This relies on the sequence handing out positions in
 * order across sessions, which it does with its default {@code CACHE 1} (V1).
 */
@Component
public class CommittedHorizon {

    private static final String WRITERS = """
            SELECT virtualtransaction FROM pg_locks
            WHERE locktype = 'relation' AND relation = ?::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND mode = 'RowExclusiveLock' AND granted AND pid IS DISTINCT FROM pg_backend_pid()
            """;

    private final DataSource dataSource;
    private final EventStoreHead head;
    private final Duration maxWait;

    public CommittedHorizon(DataSource dataSource, EventStoreHead head, AuditProperties settings) {
        this.dataSource = dataSource;
        this.head = head;
        this.maxWait = settings.maxWaitForWrites();
    }

    /** Waits for the event writes open now to end, then answers the last position of the settled table. */
    public long position() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long last = head.position();
        // autocommit: every statement sees what is committed at that moment
        try (Connection connection = dataSource.getConnection()) {
            Set<String> open = writers(connection);
            long pause = 2;
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new WritesStillOpenException("events are being written in a transaction open for more than "
                            + maxWait.toSeconds() + " s; the export waits for such writes so that it can never skip "
                            + "an event. Try again shortly");
                }
                sleep(pause);
                pause = Math.min(pause * 2, 50);
                open.retainAll(writers(connection));
            }
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("could not determine the committed end of the event table", e);
        }
    }

    private static Set<String> writers(Connection connection) throws SQLException {
        Set<String> writers = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(WRITERS)) {
            statement.setString(1, EventTable.NAME);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    writers.add(rows.getString(1));
                }
            }
        }
        return writers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for open event writes", e);
        }
    }
}
