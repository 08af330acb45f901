package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.benchmarks.app.AppClient;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Measurement 8: the streaming read models rebuilt live from the whole event store through the operator's
 * {@code POST /api/admin/read-models/rebuild}, at the speed the application itself reports, against a plain sequential
 * read of the event table right after (the two would compete for the same disk and cores if run together). No read
 * model can be rebuilt faster than its events can be read; the ratio says how much of that the handlers leave.
 */
final class RebuildBenchmark {

    private static final String REBUILD = "/api/admin/read-models/rebuild";
    private static final Duration POLL = Duration.ofMillis(250);

    private RebuildBenchmark() {
    }

    record Outcome(long events, Duration elapsed, double perSecond, SequentialRead read) {
    }

    /** {@code operator}: the application as its operator calls it, the one role that may rebuild. */
    static Outcome run(AppClient operator, DataSource appDatabase, Duration limit) throws Exception {
        AppClient.Reply started = operator.post(REBUILD, "{}");
        if (started.status() != 202) {
            throw new IllegalStateException("the rebuild was refused: " + started.abbreviated());
        }
        long deadline = System.nanoTime() + limit.toNanos();
        JsonNode progress = started.json();
        while (!progress.path("done").asBoolean()) {
            if ("FAILED".equals(progress.path("state").asText())) {
                throw new IllegalStateException("the rebuild failed: " + progress.path("failure").asText());
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
        return new Outcome(progress.path("events").asLong(), Duration.ofMillis(progress.path("elapsedMillis").asLong()),
                progress.path("eventsPerSecond").asDouble(), EventTableScan.measure(appDatabase));
    }

    static void report(Results results, Outcome outcome) {
        SequentialRead read = outcome.read();
        results.row("8", "read-model rebuild: timeline, monitoring and reporting from the whole event store, live",
                Format.rate(outcome.perSecond()) + " events/s",
                Format.count(outcome.events()) + " events in " + Format.seconds(outcome.elapsed())
                        + " (as the application reports it); plain sequential read of the event table right after "
                        + "(payload and metadata in position order, fetch 1000): " + Format.rate(read.perSecond())
                        + " events/s (" + Format.count(read.events()) + " rows, " + Format.mb(read.bytes()) + " in "
                        + Format.seconds(read.elapsed()) + "), rebuild/read = "
                        + Format.ratio(outcome.perSecond() / read.perSecond()));
    }
}
