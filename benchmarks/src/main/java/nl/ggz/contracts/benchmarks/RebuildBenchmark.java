package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.benchmarks.app.AppClient;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Measurement 8: the streaming read models rebuilt live, blue/green, from the whole event store through the operator's
 * {@code POST /api/admin/read-models/rebuild}, at the speed the application itself reports, against a plain sequential
 * read of the event table right after (the two would compete for the same disk and cores if run together). No read
 * model can be rebuilt faster than its events can be read; the ratio says how much of that the handlers leave.
 * Throughout the rebuild two views are read in a loop ({@link ViewWatch}): the time during which either was
 * unavailable — an error, or fewer rows or declared cents than before the rebuild — is reported; it must be 0.
 */
final class RebuildBenchmark {

    private static final String REBUILD = "/api/admin/read-models/rebuild";
    private static final Duration POLL = Duration.ofMillis(250);

    private RebuildBenchmark() {
    }

    record Outcome(long events, Duration elapsed, double perSecond, long replayMillis, long swapMillis,
                   ViewWatch.Result views, SequentialRead read) {
    }

    /**
     * {@code operator}: the application as its operator calls it, the one role that may rebuild; {@code monitoringPath}
     * and {@code timelinePath}: the views watched, read by {@code reader}.
     */
    static Outcome run(AppClient operator, AppClient reader, String monitoringPath, String timelinePath,
                       DataSource appDatabase, Duration limit) throws Exception {
        ViewWatch watch = ViewWatch.start(reader, monitoringPath, timelinePath);
        JsonNode progress;
        try {
            AppClient.Reply started = operator.post(REBUILD, "{}");
            if (started.status() != 202) {
                throw new IllegalStateException("the rebuild was refused: " + started.abbreviated());
            }
            long deadline = System.nanoTime() + limit.toNanos();
            progress = started.json();
            while (!progress.path("done").asBoolean()) {
                String state = progress.path("state").asText();
                if ("FAILED".equals(state) || "ABORTED".equals(state)) {
                    throw new IllegalStateException("the rebuild ended " + state + ": "
                            + progress.path("failure").asText());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the rebuild was not done within " + Format.seconds(limit) + ": "
                            + progress);
                }
                Thread.sleep(POLL.toMillis());
                AppClient.Reply reply = operator.get(REBUILD);
                if (reply.status() != 200) {
                    throw new IllegalStateException("the rebuild's progress could not be read: " + reply.abbreviated());
                }
                progress = reply.json();
            }
            // a few more reads of the views served by the swapped-in tables
            Thread.sleep(1000);
        } finally {
            watch.stop();
        }
        return new Outcome(progress.path("events").asLong(), Duration.ofMillis(progress.path("elapsedMillis").asLong()),
                progress.path("eventsPerSecond").asDouble(), progress.path("replayMillis").asLong(),
                progress.path("swapMillis").asLong(), watch.result(), EventTableScan.measure(appDatabase));
    }

    static void report(Results results, Outcome outcome) {
        SequentialRead read = outcome.read();
        ViewWatch.Result views = outcome.views();
        results.row("8", "read-model rebuild, blue/green: timeline, monitoring, declaration lines and reporting from "
                        + "the whole event store, live",
                Format.rate(outcome.perSecond()) + " events/s",
                Format.count(outcome.events()) + " events replayed in " + Format.seconds(
                        Duration.ofMillis(outcome.replayMillis())) + " (as the application reports it), swapped in "
                        + outcome.swapMillis() + " ms later, done after " + Format.seconds(outcome.elapsed())
                        + "; plain sequential read of the event table right after (payload and metadata in position "
                        + "order, fetch 1000): " + Format.rate(read.perSecond()) + " events/s ("
                        + Format.count(read.events()) + " rows, " + Format.mb(read.bytes()) + " in "
                        + Format.seconds(read.elapsed()) + "), rebuild/read = "
                        + Format.ratio(outcome.perSecond() / read.perSecond()) + "; views unavailable "
                        + views.unavailableMillis() + " ms (" + Format.count(views.reads()) + " reads of monitoring "
                        + "and a timeline throughout, slowest " + views.slowestMillis() + " ms"
                        + (views.firstProblem() == null ? "" : "; first problem: " + views.firstProblem()) + ")");
    }
}
