package nl.ggz.contracts.benchmarks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Reads every event's payload and metadata in global order, as a rebuild reads them, streamed with a fetch size of
 * 1,000 (PostgreSQL streams only inside a transaction; otherwise the driver would load the whole table into memory),
 * and times it.
 */
final class EventTableScan {

    private static final String SQL = "SELECT globalindex, payload, metadata FROM domainevententry ORDER BY globalindex";

    private EventTableScan() {
    }

    static SequentialRead measure(DataSource dataSource) throws SQLException {
        long started = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(1_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        bytes += length(rows.getBytes(2)) + length(rows.getBytes(3));
                        events++;
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        return new SequentialRead(events, bytes, Duration.ofNanos(System.nanoTime() - started));
    }

    private static long length(byte[] value) {
        return value == null ? 0 : value.length;
    }
}
