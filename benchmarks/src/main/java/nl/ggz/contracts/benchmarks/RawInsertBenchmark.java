package nl.ggz.contracts.benchmarks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measurement 1, the raw limit: the same event rows the application writes, inserted with plain JDBC batches into a
 * table shaped like Axon's (V1__event_store.sql), 1,000 rows per transaction, one aggregate per writer thread.
 * Nothing the application does can be faster than this on the same server.
 */
public final class RawInsertBenchmark {

    static final int ROWS_PER_TRANSACTION = 1_000;

    private static final String TABLE = """
            CREATE TABLE domainevententry (
                globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
                aggregateidentifier VARCHAR(255) NOT NULL,
                sequencenumber      BIGINT       NOT NULL,
                type                VARCHAR(255),
                eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
                metadata            BYTEA,
                payload             BYTEA        NOT NULL,
                payloadrevision     VARCHAR(255),
                payloadtype         VARCHAR(255) NOT NULL,
                timestamp           VARCHAR(255) NOT NULL,
                UNIQUE (aggregateidentifier, sequencenumber)
            )""";
    private static final String INSERT = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, "
            + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) "
            + "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)";

    public record Outcome(long rows, Duration elapsed, int threads, int payloadBytes, int metadataBytes) {
        public double perSecond() {
            return Format.perSecond(rows, elapsed);
        }
    }

    private RawInsertBenchmark() {
    }

    /** {@code dataSource} must connect with {@code reWriteBatchedInserts=true} and have a connection per thread. */
    public static Outcome run(DataSource dataSource, int threads, int rows, EventRows eventRows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            int perThread = rows / threads;
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int count = t == threads - 1 ? rows - perThread * (threads - 1) : perThread;
                String aggregateId = UUID.randomUUID() + "-raw-" + t;
                writers.add(pool.submit(() -> write(dataSource, aggregateId, count, eventRows)));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long stored = count(dataSource);
            if (stored != rows) {
                throw new IllegalStateException("raw insert stored " + stored + " rows, expected " + rows);
            }
            return new Outcome(rows, elapsed, threads, eventRows.averagePayloadBytes(),
                    eventRows.averageMetadataBytes());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void write(DataSource dataSource, String aggregateId, int count, EventRows rows)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int sequence = 0; sequence < count; sequence++) {
                insert.setString(1, aggregateId);
                insert.setLong(2, sequence);
                insert.setString(3, "CeilingAgreement");
                insert.setString(4, UUID.randomUUID().toString());
                insert.setBytes(5, rows.metadata(sequence));
                insert.setBytes(6, rows.payload(sequence));
                insert.setString(7, EventRows.PAYLOAD_TYPE);
                insert.setString(8, Instant.now().toString());
                insert.addBatch();
                if ((sequence + 1) % ROWS_PER_TRANSACTION == 0 || sequence == count - 1) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        return null;
    }

    private static long count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
