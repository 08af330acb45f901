package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.benchmarks.app.CeilingTotals;
import nl.ggz.contracts.benchmarks.app.DeclarationBatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurement 4: one-declaration batches at a steady moderate rate with nothing else going on, the way a claims
 * system trickles in corrections during the day. Sends are started on a fixed schedule (not after the previous
 * answer), so a slow answer cannot hide the ones queued behind it.
 */
public final class SingleDeclarationLatency {

    public record Outcome(Latencies latencies, int sent, int accepted, Duration elapsed, List<String> problems,
                          List<String> differences) {
        public double perSecond() {
            return Format.perSecond(sent, elapsed);
        }
    }

    private SingleDeclarationLatency() {
    }

    public static Outcome run(AppClient app, List<String> contractIds, int rate, int seconds, String idPrefix,
                              DeclarationSamples samples) throws InterruptedException {
        int total = rate * seconds;
        Latencies latencies = new Latencies();
        CeilingTotals totals = new CeilingTotals();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        try {
            clock.scheduleAtFixedRate(() -> {
                int n = next.getAndIncrement();
                if (n >= total) {
                    return;
                }
                senders.execute(() -> {
                    try {
                        DeclarationBatch.Line line = new DeclarationBatch.Line(idPrefix + "-" + n,
                                contractIds.get(n % contractIds.size()), samples.line(7_000_000_000L + n));
                        long sent = System.nanoTime();
                        DeclarationBatch.Answer answer = DeclarationBatch.post(app, List.of(line), totals);
                        latencies.record(System.nanoTime() - sent);
                        accepted.addAndGet(answer.accepted());
                        if (answer.problem() != null && problems.size() < 5) {
                            problems.add(answer.problem());
                        }
                    } catch (RuntimeException e) {
                        if (problems.size() < 5) {
                            problems.add(e.toString());
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            if (!done.await(seconds + 120L, TimeUnit.SECONDS)) {
                problems.add("not all " + total + " posts were answered in time");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Outcome(latencies, total, accepted.get(), elapsed, List.copyOf(problems),
                    totals.differencesFrom(app));
        } finally {
            clock.shutdownNow();
            senders.shutdownNow();
        }
    }
}
