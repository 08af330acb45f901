package nl.ggz.contracts.api.operations;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads every event's payload and metadata in global order, streamed with a fetch size of 1,000 (PostgreSQL streams
 * only inside a transaction; otherwise the driver would load the whole table into memory), and times it.
 */
@Component
public class EventTableScan {

    private static final String SQL = "SELECT globalindex, payload, metadata FROM domainevententry ORDER BY globalindex";

    private final DataSource dataSource;

    public EventTableScan(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public SequentialRead measure() {
        long started = System.nanoTime();
        long events = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
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
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event table", e);
        }
        long nanos = System.nanoTime() - started;
        return new SequentialRead(events, bytes, nanos / 1_000_000, RateMath.perSecond(events, nanos));
    }

    private static long length(byte[] value) {
        return value == null ? 0 : value.length;
    }
}
