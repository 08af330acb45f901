package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.benchmarks.app.CeilingTotals;
import nl.ggz.contracts.benchmarks.app.DeclarationBatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurements 3 and 5's ingestion: several claims-system clients post batches to {@code POST /api/declarations} as
 * fast as they are answered, the lines of every batch spread over the given contracts' ceilings. Every line must be
 * ACCEPTED, and afterwards each ceiling must show exactly what was accepted.
 */
public final class HttpIngestionLoad {

    public record Outcome(long sent, long accepted, Duration elapsed, int clients, int ceilings, int batchSize,
                          Latencies batches, CeilingTotals totals, List<String> problems,
                          List<String> differences) {
        public double perSecond() {
            return Format.perSecond(accepted, elapsed);
        }

        public boolean exact() {
            return problems.isEmpty() && differences.isEmpty() && accepted == sent;
        }

        /** What was accepted, and whether the application's ceilings show exactly that. */
        public String verdict() {
            String acceptance = accepted == sent && problems.isEmpty() ? "all ACCEPTED"
                    : Format.count(sent - accepted) + " of " + Format.count(sent) + " NOT accepted (first: "
                    + problems + ")";
            String ceilings = differences.isEmpty() ? "every ceiling exact (GET /api/ceilings)"
                    : "ceilings NOT exact: " + differences;
            return acceptance + ", " + ceilings;
        }
    }

    private HttpIngestionLoad() {
    }

    /**
     * Posts lines {@code 0, 1, …} until {@code total} lines were sent or, if given, {@code duration} has passed (a
     * batch under way is finished); line {@code i} goes to contract {@code i mod n}, with id {@code idPrefix-i}.
     */
    public static Outcome run(AppClient app, List<String> contractIds, int clients, long total, Duration duration,
                              int batchSize, String idPrefix, DeclarationSamples samples) throws Exception {
        CeilingTotals totals = new CeilingTotals();
        AtomicLong nextBatch = new AtomicLong();
        AtomicLong sentLines = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        Latencies batches = new Latencies();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (long batch = nextBatch.getAndIncrement();
                         batch * batchSize < total && System.nanoTime() - deadline < 0;
                         batch = nextBatch.getAndIncrement()) {
                        List<DeclarationBatch.Line> lines = lines(batch * batchSize,
                                Math.min(total, (batch + 1) * batchSize), contractIds, idPrefix, samples);
                        sentLines.addAndGet(lines.size());
                        long sent = System.nanoTime();
                        DeclarationBatch.Answer answer = DeclarationBatch.post(app, lines, totals);
                        batches.record(System.nanoTime() - sent);
                        accepted.addAndGet(answer.accepted());
                        if (answer.problem() != null && problems.size() < 5) {
                            problems.add(answer.problem());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Outcome(sentLines.get(), accepted.get(), elapsed, clients, contractIds.size(), batchSize, batches,
                    totals, List.copyOf(problems), totals.differencesFrom(app));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<DeclarationBatch.Line> lines(long from, long to, List<String> contractIds, String idPrefix,
                                                     DeclarationSamples samples) {
        List<DeclarationBatch.Line> lines = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            lines.add(new DeclarationBatch.Line(idPrefix + "-" + i, contractIds.get((int) (i % contractIds.size())),
                    samples.line(i)));
        }
        return lines;
    }
}
