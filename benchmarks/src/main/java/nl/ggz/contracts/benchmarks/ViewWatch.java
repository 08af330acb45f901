package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.benchmarks.app.AppClient;

/**
 * Reads two views in a loop while a rebuild runs (measurement 8): the monitoring of an insurer's ceilings and one
 * contract's timeline. A view is unavailable from a read that fails, or that shows fewer ceilings, fewer declared
 * cents or fewer timeline entries than the view showed before the rebuild, until the next read that is whole again.
 */
final class ViewWatch {

    record Result(long unavailableMillis, long reads, long slowestMillis, String firstProblem) {
    }

    private final AppClient reader;
    private final String monitoringPath;
    private final String timelinePath;
    private final Snapshot before;
    private final Thread thread;
    private volatile boolean stopped;
    private long reads;
    private long unavailableNanos;
    private long slowestNanos;
    private String firstProblem;

    private record Snapshot(int ceilings, long declaredCents, int timelineEntries) {
    }

    private ViewWatch(AppClient reader, String monitoringPath, String timelinePath) {
        this.reader = reader;
        this.monitoringPath = monitoringPath;
        this.timelinePath = timelinePath;
        this.before = read();
        if (before == null) {
            throw new IllegalStateException("the views cannot be read before the rebuild: " + firstProblem);
        }
        this.thread = new Thread(this::watch, "view-watch");
        this.thread.setDaemon(true);
    }

    static ViewWatch start(AppClient reader, String monitoringPath, String timelinePath) {
        ViewWatch watch = new ViewWatch(reader, monitoringPath, timelinePath);
        watch.thread.start();
        return watch;
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join();
    }

    Result result() {
        return new Result(unavailableNanos / 1_000_000, reads, slowestNanos / 1_000_000, firstProblem);
    }

    private void watch() {
        Long unavailableSince = null;
        while (!stopped) {
            long started = System.nanoTime();
            Snapshot now = read();
            long ended = System.nanoTime();
            reads++;
            slowestNanos = Math.max(slowestNanos, ended - started);
            boolean whole = now != null && now.ceilings() >= before.ceilings()
                    && now.declaredCents() >= before.declaredCents() && now.timelineEntries() >= before.timelineEntries();
            if (!whole && firstProblem == null) {
                firstProblem = now == null ? "a read failed" : "read " + now + " after " + before;
            }
            if (!whole && unavailableSince == null) {
                unavailableSince = started;
            } else if (whole && unavailableSince != null) {
                unavailableNanos += started - unavailableSince;
                unavailableSince = null;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (unavailableSince != null) {
            unavailableNanos += System.nanoTime() - unavailableSince;
        }
    }

    private Snapshot read() {
        try {
            AppClient.Reply monitoring = reader.get(monitoringPath);
            AppClient.Reply timeline = reader.get(timelinePath);
            if (monitoring.status() != 200 || timeline.status() != 200) {
                if (firstProblem == null) {
                    firstProblem = "HTTP " + monitoring.status() + "/" + timeline.status();
                }
                return null;
            }
            long declared = 0;
            JsonNode ceilings = monitoring.json().path("ceilings");
            for (JsonNode ceiling : ceilings) {
                declared += ceiling.path("declaredCents").asLong();
            }
            return new Snapshot(ceilings.size(), declared, timeline.json().findValuesAsText("type").size());
        } catch (Exception e) {
            if (firstProblem == null) {
                firstProblem = e.toString();
            }
            return null;
        }
    }
}
