package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.audit.EventHash;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.EventTable;
import nl.ggz.contracts.eventstore.WritesStillOpenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Appends the committed events to the verifiable log, in global order, on a thread of its own, so that ingestion never
 * waits for it: every {@code ggz.audit.log.poll-interval} it settles the committed horizon ({@link CommittedHorizon}:
 * no event at or below it can still appear) and appends every event after the log's last position up to it, in
 * batches of {@code batch-size}, each batch one transaction. So the log never has a gap and never holds a position
 * twice, and it resumes from its last leaf after a restart; on the first start after V50 it starts at leaf 0 and
 * catches up over the whole store once (the back-fill).
 * <p>
 * One appender at a time across nodes: each batch takes a transaction-level advisory lock and reads the log's size
 * under it; a node that does not get the lock skips that round, and one that finds the size moved (another node
 * appended) reloads its right edge from the stored subtrees.
 */
@Component
public class LogAppender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogAppender.class);
    /** "ggz-log" as a number: the advisory lock of the appender (held elsewhere, it pauses the appender) */
    public static final long LOCK = 0x67677a2d6c6f67L;

    private static final String EVENTS = """
            SELECT globalindex, aggregateidentifier, sequencenumber, hash,
                   CASE WHEN sequencenumber = 0 THEN payload END
            FROM %s WHERE globalindex > ? AND globalindex <= ? ORDER BY globalindex LIMIT ?
            """.formatted(EventTable.NAME);

    private final DataSource dataSource;
    private final CommittedHorizon horizon;
    private final LogProperties settings;
    private final StreamInsurers insurers = new StreamInsurers();
    private Map<String, Frontier> frontiers;
    private long lastPosition;
    private ScheduledExecutorService thread;
    private long writeNanos;

    public LogAppender(DataSource dataSource, CommittedHorizon horizon, LogProperties settings) {
        this.dataSource = dataSource;
        this.horizon = horizon;
        this.settings = settings;
    }

    /** Appends every event committed now; answers how many. Safe to call from any thread (one run at a time). */
    public synchronized long catchUp() {
        long until = horizon.position();
        long appended = 0;
        long start = System.nanoTime();
        writeNanos = 0;
        while (true) {
            int batch = appendBatch(until);
            appended += batch;
            if (batch < settings.batchSize()) {
                if (appended >= settings.batchSize()) {
                    log.info("verifiable log: appended {} events up to position {} in {} ms ({} ms writing)",
                            appended, lastPosition, (System.nanoTime() - start) / 1_000_000, writeNanos / 1_000_000);
                }
                return appended;
            }
        }
    }

    /** One batch in one transaction; 0 when another node holds the log or nothing is left up to {@code until}. */
    private int appendBatch(long until) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int appended = appendBatch(connection, until);
                connection.commit();
                return appended;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                // what is in memory may be ahead of what is stored: read it again next time
                frontiers = null;
                insurers.forget();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the verifiable log", e);
        }
    }

    private int appendBatch(Connection connection, long until) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (LogStore store = new LogStore(connection)) {
            long[] global = store.head(LogStore.GLOBAL);
            if (frontiers == null || frontiers.get(LogStore.GLOBAL).size() != global[0]) {
                load(connection, store, global);
            }
        }
        List<LogStore.Appended> leaves = new ArrayList<>();
        Map<String, String> newStreams = new LinkedHashMap<>();
        Map<String, long[]> heads = new HashMap<>();
        int count = 0;
        try (PreparedStatement events = connection.prepareStatement(EVENTS)) {
            events.setLong(1, lastPosition);
            events.setLong(2, until);
            events.setInt(3, settings.batchSize());
            events.setFetchSize(settings.batchSize());
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    long position = rows.getLong(1);
                    byte[] chainHash = rows.getBytes(4);
                    // an event stored before the hash chain (V7) has none: its leaf input is 32 zero bytes
                    byte[] leafHash = LogHashes.leaf(chainHash == null ? EventHash.none() : chainHash);
                    append(LogStore.GLOBAL, position, leafHash, leaves, heads);
                    Optional<String> insurer = insurers.of(connection, rows.getString(2), rows.getLong(3),
                            rows.getBytes(5), newStreams);
                    if (insurer.isPresent()) {
                        append(insurer.get(), position, leafHash, leaves, heads);
                    }
                    lastPosition = position;
                    count++;
                }
            }
        }
        if (count > 0) {
            long start = System.nanoTime();
            LogStore.write(connection, leaves, newStreams, heads);
            writeNanos += System.nanoTime() - start;
        }
        return count;
    }

    private void append(String logName, long position, byte[] leafHash, List<LogStore.Appended> leaves,
                        Map<String, long[]> heads) {
        Frontier frontier = frontiers.computeIfAbsent(logName, name -> Frontier.empty());
        long index = frontier.size();
        leaves.add(new LogStore.Appended(logName, index, position, leafHash, frontier.append(leafHash)));
        heads.put(logName, new long[]{frontier.size(), position});
    }

    /** The right edge of every log, read from the stored subtrees: O(log n) reads per log. */
    private void load(Connection connection, LogStore store, long[] global) throws SQLException {
        Map<String, Frontier> loaded = new HashMap<>();
        try (PreparedStatement logs = connection.prepareStatement("SELECT log, size FROM audit_log_head");
             ResultSet rows = logs.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(1);
                loaded.put(name, Frontier.of(rows.getLong(2), store.subtrees(name)));
            }
        }
        loaded.putIfAbsent(LogStore.GLOBAL, Frontier.empty());
        frontiers = loaded;
        lastPosition = global[1];
        insurers.forget();
        if (global[0] == 0) {
            log.info("verifiable log: starting at leaf 0 (back-fill over the stored events, if any)");
        }
    }

    private void poll() {
        try {
            catchUp();
        } catch (WritesStillOpenException e) {
            log.debug("verifiable log: writes still open, next round", e);
        } catch (RuntimeException e) {
            log.warn("verifiable log: append failed, retried next round", e);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread appender = new Thread(runnable, "verifiable-log-appender");
            appender.setDaemon(true);
            return appender;
        });
        long every = settings.pollInterval().toMillis();
        thread.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
