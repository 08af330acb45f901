package nl.ggz.contracts.eventstore.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Has the log's heads timestamped by the configured TSA (RFC 3161, {@code ggz.audit.log.timestamp.url}), on a thread
 * of its own so that neither ingestion nor a reader ever waits for it: every {@code interval} the current head of each
 * log that grew since its last timestamp is sent as the SHA-256 of its checkpoint's note body, and the TSA's reply is
 * kept ({@code audit_log_timestamp}). A TSA that is down or answers wrongly is logged, and asked again at the next
 * round; several nodes may do the same, the first reply per head is kept.
 */
@Component
public class LogTimestamper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogTimestamper.class);

    private final DataSource dataSource;
    private final VerifiableLog verifiableLog;
    private final LogTimestampProperties settings;
    private ScheduledExecutorService thread;

    public LogTimestamper(DataSource dataSource, VerifiableLog verifiableLog, LogTimestampProperties settings) {
        this.dataSource = dataSource;
        this.verifiableLog = verifiableLog;
        this.settings = settings;
    }

    /**
     * One round against the TSA at {@code url}: the heads timestamped now. A TSA that fails ends the round (the
     * others would fail alike) with the exception, after what was timestamped before it was kept.
     */
    public int timestampHeads(String url) throws IOException {
        TimestampAuthority tsa = new TimestampAuthority(url, settings.timeout());
        int timestamped = 0;
        for (String name : logsThatGrew()) {
            String insurer = LogStore.GLOBAL.equals(name) ? null : name;
            LogHead head = verifiableLog.head(insurer);
            String body = SignedNote.body(head.origin(), head.size(), head.root());
            TimestampAuthority.Reply reply = tsa.timestamp(body.getBytes(StandardCharsets.UTF_8));
            store(name, head, reply);
            timestamped++;
        }
        return timestamped;
    }

    /** The stored reply for the head of {@code size}, or of the largest timestamped head when size is null. */
    public Optional<Timestamped> reply(String insurer, Long size) {
        String name = insurer == null ? LogStore.GLOBAL : insurer;
        String sql = "SELECT tree_size, reply, gen_time FROM audit_log_timestamp WHERE log = ?"
                + (size == null ? " ORDER BY tree_size DESC LIMIT 1" : " AND tree_size = ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, name);
            if (size != null) {
                select.setLong(2, size);
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Timestamped(row.getLong(1), row.getBytes(2),
                        row.getTimestamp(3).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the log's timestamps", e);
        }
    }

    /** A head's timestamp as kept: the size, the TSA's reply (DER TimeStampResp) and its genTime. */
    public record Timestamped(long size, byte[] reply, java.time.Instant genTime) {
    }

    private List<String> logsThatGrew() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT h.log FROM audit_log_head h
                     LEFT JOIN (SELECT log, max(tree_size) AS size FROM audit_log_timestamp GROUP BY log) t
                            ON t.log = h.log
                     WHERE h.size > coalesce(t.size, 0)
                     ORDER BY h.log <> 'global', h.log
                     """);
             ResultSet rows = select.executeQuery()) {
            List<String> logs = new ArrayList<>();
            while (rows.next()) {
                logs.add(rows.getString(1));
            }
            return logs;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the log's heads", e);
        }
    }

    private void store(String name, LogHead head, TimestampAuthority.Reply reply) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log_timestamp (log, tree_size, "
                     + "root, reply, gen_time) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, name);
            insert.setLong(2, head.size());
            insert.setBytes(3, head.root());
            insert.setBytes(4, reply.der());
            insert.setTimestamp(5, Timestamp.from(reply.genTime()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the timestamp of " + head.origin(), e);
        }
    }

    private void round() {
        try {
            int timestamped = timestampHeads(settings.url());
            if (timestamped > 0) {
                log.debug("verifiable log: {} heads timestamped", timestamped);
            }
        } catch (IOException e) {
            log.warn("verifiable log: the TSA {} did not timestamp the heads ({}); asked again in {}",
                    settings.url(), e.getMessage(), settings.interval());
        } catch (RuntimeException e) {
            log.warn("verifiable log: timestamping failed; tried again in {}", settings.interval(), e);
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread timestamper = new Thread(runnable, "verifiable-log-timestamper");
            timestamper.setDaemon(true);
            return timestamper;
        });
        long every = settings.interval().toMillis();
        thread.scheduleWithFixedDelay(this::round, Math.min(every, 10_000), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
