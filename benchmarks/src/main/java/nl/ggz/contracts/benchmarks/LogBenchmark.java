package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.audit.VerifyExport;
import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.eventstore.AuditProperties;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.EventStoreHead;
import nl.ggz.contracts.eventstore.log.LogAppender;
import nl.ggz.contracts.eventstore.log.LogProperties;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Measurement 9 (issue 18), the verifiable log. (a) What appending costs ingestion: measurement 3's load twice, for
 * {@code bench.log.seconds} each, on hot ceilings of their own — first with the application's appender running, then
 * paused — and the two rates side by side. The pause needs no switch in the application: the benchmark holds the
 * appender's advisory lock ({@link LogAppender#LOCK}) on a session of its own, so every round of the appender finds
 * it taken and appends nothing (one cheap query every 250 ms is all it still does); released, the appender catches up
 * the backlog, timed too. (b) Building the log over the whole benchmark store from leaf 0, with the application
 * stopped: the log's rows removed (as a superuser, past the append-only triggers) and {@link LogAppender#catchUp()} run
 * in this JVM with the application's batch size. (c) Verifying it offline: the regulator's verifier ({@code
 * audit-verifier}, in this JVM) over the export taken through the API, against the global log's signed checkpoint.
 */
final class LogBenchmark {

    private static final String ORIGIN = "ggz-contracts/log";

    record AppendCost(HttpIngestionLoad.Outcome running, HttpIngestionLoad.Outcome paused, double catchUpSeconds,
                      long backlog) {
    }

    record Build(long events, double seconds) {
    }

    record Verification(long events, double seconds, int exit, String report) {
    }

    private LogBenchmark() {
    }

    static AppendCost appendCost(DataSource appDatabase, AppClient claims, List<String> withLog,
                                 List<String> withoutLog, BenchmarkSizes sizes, DeclarationSamples samples,
                                 String idPrefix) throws Exception {
        Duration each = Duration.ofSeconds(sizes.logSeconds());
        awaitLogCaughtUp(appDatabase, Duration.ofMinutes(5));
        HttpIngestionLoad.Outcome running = HttpIngestionLoad.run(claims, withLog, sizes.clients(), Long.MAX_VALUE,
                each, sizes.loadBatch(), idPrefix + "-ON", samples);
        awaitLogCaughtUp(appDatabase, Duration.ofMinutes(5));
        HttpIngestionLoad.Outcome paused;
        long backlog;
        long released;
        try (Connection session = appDatabase.getConnection()) {
            try (PreparedStatement lock = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, LogAppender.LOCK);
                lock.execute();
            }
            paused = HttpIngestionLoad.run(claims, withoutLog, sizes.clients(), Long.MAX_VALUE, each,
                    sizes.loadBatch(), idPrefix + "-OFF", samples);
            backlog = eventCount(appDatabase) - logSize(appDatabase);
            try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, LogAppender.LOCK);
                unlock.execute();
            }
            released = System.nanoTime();
        }
        awaitLogCaughtUp(appDatabase, Duration.ofMinutes(5));
        return new AppendCost(running, paused, (System.nanoTime() - released) / 1e9, backlog);
    }

    /** The export, the public key and the global log's checkpoint for (c), once the log has every event. */
    static void fetchForVerification(DataSource appDatabase, AppClient regulator, Path folder) throws Exception {
        awaitLogCaughtUp(appDatabase, Duration.ofMinutes(5));
        Files.writeString(folder.resolve("public.pem"), regulator.get("/api/audit/public-key").body());
        AppClient.Reply checkpoint = regulator.get("/api/audit/log/checkpoint");
        if (checkpoint.status() != 200) {
            throw new IllegalStateException("the checkpoint answered " + checkpoint.abbreviated());
        }
        Files.writeString(folder.resolve("checkpoint.txt"), checkpoint.body());
        HttpResponse<InputStream> export = regulator.stream("/api/audit/events");
        if (export.statusCode() != 200) {
            throw new IllegalStateException("the export answered " + export.statusCode());
        }
        try (InputStream body = export.body()) {
            Files.copy(body, folder.resolve("export.ndjson"));
        }
    }

    static Verification verify(Path folder) throws Exception {
        Files.deleteIfExists(folder.resolve("nza-heads.json"));
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int exit;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            exit = VerifyExport.run(new String[]{"--state", folder.resolve("nza-heads.json").toString(),
                    "--checkpoint", folder.resolve("checkpoint.txt").toString(), "--public-key",
                    folder.resolve("public.pem").toString(), folder.resolve("export.ndjson").toString()});
        } finally {
            System.setOut(out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String size = Files.readAllLines(folder.resolve("checkpoint.txt")).get(1);
        return new Verification(Long.parseLong(size), seconds, exit, captured.toString(StandardCharsets.UTF_8).strip());
    }

    /** (b): the log's rows removed, then built again from leaf 0 over the whole store, timed. */
    static Build rebuild(DataSource appDatabase, int batchSize) throws SQLException {
        try (Connection connection = appDatabase.getConnection(); Statement sql = connection.createStatement()) {
            // the append-only triggers refuse this; a superuser's session can pass them, as here for the measurement
            sql.execute("SET session_replication_role = replica");
            sql.execute("TRUNCATE audit_log_leaf, audit_log_node, audit_log_stream, audit_log_head");
            sql.execute("SET session_replication_role = origin");
            sql.execute("CHECKPOINT");
        }
        CommittedHorizon horizon = new CommittedHorizon(appDatabase, new EventStoreHead(new JdbcTemplate(appDatabase)),
                new AuditProperties("", Duration.ofMinutes(10), Duration.ofSeconds(30)));
        LogAppender appender = new LogAppender(appDatabase, horizon, new LogProperties(false, ORIGIN,
                Duration.ofMillis(250), batchSize));
        long start = System.nanoTime();
        long events = appender.catchUp();
        return new Build(events, (System.nanoTime() - start) / 1e9);
    }

    static void report(Results results, AppendCost cost, Build build, Verification verification, int batchSize) {
        if (cost != null) {
            double ratio = cost.running().perSecond() / cost.paused().perSecond();
            results.row("9a", "verifiable log: ingestion as in 3 with the log's appender running, then paused",
                    Format.rate(cost.running().perSecond()) + " events/s with, " + Format.rate(cost.paused()
                            .perSecond()) + " without (" + String.format("%.2f", ratio) + ")",
                    "with: " + Format.count(cost.running().accepted()) + " in " + Format.seconds(cost.running()
                            .elapsed()) + ", " + cost.running().verdict() + "; without (the appender's advisory lock "
                            + "held by the benchmark): " + Format.count(cost.paused().accepted()) + " in "
                            + Format.seconds(cost.paused().elapsed()) + ", " + cost.paused().verdict() + "; the "
                            + Format.count(cost.backlog()) + " events left behind were appended "
                            + String.format("%.1f s", cost.catchUpSeconds()) + " after the lock was released; one run "
                            + "each, in that order, so the machine's drift is in the ratio");
        }
        if (build != null) {
            results.row("9b", "verifiable log: built from leaf 0 over the whole store (application stopped)",
                    Format.count(Math.round(build.events() / build.seconds())) + " events/s",
                    Format.count(build.events()) + " events in " + String.format("%.1f s", build.seconds())
                            + " (LogAppender.catchUp, " + Format.count(batchSize) + " per transaction: leaves, "
                            + "subtrees and the insurers' logs)");
        }
        if (verification != null) {
            results.row("9c", "verifiable log: the regulator's verifier over the export against the global checkpoint",
                    String.format("%.1f s", verification.seconds()) + (verification.exit() == 0 ? "" : " FAILED (exit "
                            + verification.exit() + ")"),
                    "audit-verifier --state --checkpoint --public-key export.ndjson: the chains of "
                            + Format.count(verification.events()) + " events and the log recomputed from them ("
                            + Format.count(Math.round(verification.events() / verification.seconds())) + " events/s); "
                            + firstLines(verification.report()));
        }
    }

    private static String firstLines(String report) {
        return String.join(" / ", report.lines().limit(3).map(line -> line.length() > 120
                ? line.substring(0, 120) + "…" : line).toList());
    }

    private static void awaitLogCaughtUp(DataSource appDatabase, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (logSize(appDatabase) < eventCount(appDatabase)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the log did not catch up with the store within " + limit);
            }
            Thread.sleep(100);
        }
    }

    private static long logSize(DataSource appDatabase) throws SQLException {
        return single(appDatabase, "SELECT coalesce(max(size), 0) FROM audit_log_head WHERE log = 'global'");
    }

    private static long eventCount(DataSource appDatabase) throws SQLException {
        return single(appDatabase, "SELECT count(*) FROM domainevententry");
    }

    private static long single(DataSource appDatabase, String query) throws SQLException {
        try (Connection connection = appDatabase.getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
