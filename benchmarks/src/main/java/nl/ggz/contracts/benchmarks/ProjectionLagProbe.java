package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.benchmarks.app.CeilingTotals;
import nl.ggz.contracts.benchmarks.app.ContractSetup;
import nl.ggz.contracts.benchmarks.app.DeclarationBatch;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurement 6: how long after a declaration is acknowledged the purchaser's monitoring view shows it. One
 * declaration every {@code intervalMs} on a contract of its own insurer, then {@code GET /api/monitoring/ceilings}
 * every 5 ms until its row's declaredCents includes it. Runs beside the full load of measurement 3. Declares as that
 * insurer's claims system, reads monitoring as its purchaser.
 */
public final class ProjectionLagProbe implements AutoCloseable {

    private static final long POLL_MS = 5;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final AppClient claims;
    private final AppClient purchaser;
    private final String contractId;
    private final String ceilingId;
    private final String monitoringPath;
    private final DeclarationSamples samples;
    private final int intervalMs;
    private final CeilingTotals totals = new CeilingTotals();
    private final Latencies lags = new Latencies();
    private final AtomicInteger missed = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running;
    private volatile String problem;
    private long sequence;

    public ProjectionLagProbe(AppClient claims, AppClient purchaser, String contractId, String insurer,
                              DeclarationSamples samples, int intervalMs) {
        this.claims = claims;
        this.purchaser = purchaser;
        this.contractId = contractId;
        this.ceilingId = ContractSetup.ceilingOf(contractId, samples.year());
        this.monitoringPath = "/api/monitoring/ceilings?insurer=" + insurer + "&year=" + samples.year();
        this.samples = samples;
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::probe, "projection-lag-probe");
        thread.setDaemon(true);
    }

    /** One unmeasured round first, so the monitoring row exists and the first sample is not a cold start. */
    public void startAndPrime() {
        if (declareAndWait() < 0) {
            throw new IllegalStateException("the probe declaration never showed in monitoring: " + problem);
        }
        running = true;
        thread.start();
    }

    public Latencies lags() {
        return lags;
    }

    public int missed() {
        return missed.get();
    }

    public String problem() {
        return problem;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(GIVE_UP_NANOS / 1_000_000 + 5_000);
    }

    private void probe() {
        while (running) {
            long started = System.nanoTime();
            long lag;
            try {
                lag = declareAndWait();
            } catch (RuntimeException e) {
                problem = e.toString(); // the application is overloaded or gone: count it, keep probing
                lag = -1;
            }
            if (lag >= 0) {
                lags.record(lag);
            } else {
                missed.incrementAndGet();
            }
            long rest = intervalMs - (System.nanoTime() - started) / 1_000_000;
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Nanoseconds from the 200 answer to the monitoring row showing the amount; -1 if it did not. */
    private long declareAndWait() {
        long n = sequence++;
        DeclarationBatch.Line line = new DeclarationBatch.Line("PROBE-" + n, contractId, samples.line(5_000_000_000L + n));
        DeclarationBatch.Answer answer = DeclarationBatch.post(claims, List.of(line), totals);
        long acknowledged = System.nanoTime();
        if (answer.accepted() != 1) {
            problem = answer.problem();
            return -1;
        }
        long expected = totals.cents(ceilingId);
        while (System.nanoTime() - acknowledged < GIVE_UP_NANOS) {
            if (declaredCents() >= expected) {
                return System.nanoTime() - acknowledged;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        problem = "PROBE-" + n + " not visible in monitoring after 60 s";
        return -1;
    }

    private long declaredCents() {
        AppClient.Reply reply = purchaser.get(monitoringPath);
        if (reply.status() != 200) {
            return -1;
        }
        for (JsonNode row : reply.json().path("ceilings")) {
            if (ceilingId.equals(row.path("ceilingId").asText())) {
                return row.path("declaredCents").asLong();
            }
        }
        return -1;
    }
}
