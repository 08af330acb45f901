package nl.ggz.contracts.benchmarks;

import com.sun.net.httpserver.HttpServer;
import nl.ggz.contracts.benchmarks.app.AppClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measurement 3w (issue 17): measurement 3's ingestion again, with one webhook receiver subscribed to the loaded
 * insurer — a receiver in this process on loopback that acknowledges every delivery at once — so that the two rates
 * side by side show what delivering the claims feed costs ingestion. Afterwards: how many lines the receiver had when
 * the load ended, and how long it took to receive every accepted declaration. The subscription is deleted after, so
 * that the measurements that follow run without it.
 */
final class WebhookIngestionBenchmark {

    record Outcome(HttpIngestionLoad.Outcome load, long receivedWhenLoadEnded, long received, long distinct,
                   Optional<Duration> caughtUp) {
    }

    private WebhookIngestionBenchmark() {
    }

    static Outcome run(AppClient operator, AppClient claims, String insurer, List<String> hot, BenchmarkSizes sizes,
                       DeclarationSamples samples, String idPrefix, Duration catchUpLimit) throws Exception {
        AtomicLong received = new AtomicLong();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(threads);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String subscription = null;
        try {
            AppClient.Reply registered = operator.post("/api/admin/webhooks", Map.of("insurerUzovi", insurer,
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"));
            if (registered.status() != 201) {
                throw new IllegalStateException("webhook registration refused: " + registered.abbreviated());
            }
            subscription = registered.json().path("subscription").path("subscriptionId").asText();
            HttpIngestionLoad.Outcome load = HttpIngestionLoad.run(claims, hot, sizes.clients(), Long.MAX_VALUE,
                    Duration.ofSeconds(sizes.loadSeconds()), sizes.loadBatch(), idPrefix, samples);
            long atEnd = ids.size();
            long ended = System.nanoTime();
            long deadline = ended + catchUpLimit.toNanos();
            while (ids.size() < load.accepted() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Optional<Duration> caughtUp = ids.size() >= load.accepted()
                    ? Optional.of(Duration.ofNanos(System.nanoTime() - ended)) : Optional.empty();
            return new Outcome(load, atEnd, received.get(), ids.size(), caughtUp);
        } finally {
            if (subscription != null) {
                operator.delete("/api/admin/webhooks/" + subscription);
            }
            receiver.stop(0);
            threads.shutdownNow();
        }
    }

    static void report(Results results, Outcome outcome, Double withoutPerSecond) {
        HttpIngestionLoad.Outcome load = outcome.load();
        String ratio = withoutPerSecond == null || withoutPerSecond == 0 ? ""
                : String.format(" (%.0f %% of measurement 3)", 100 * load.perSecond() / withoutPerSecond);
        results.row("3w", "application: measurement 3 again with one subscribed webhook receiver (loopback, answers "
                        + "204 at once)", Format.rate(load.perSecond()) + " events/s" + ratio,
                Format.count(load.accepted()) + " declarations in " + Format.seconds(load.elapsed()) + ", "
                        + load.verdict() + "; the receiver had " + Format.count(outcome.receivedWhenLoadEnded())
                        + " when the load ended, "
                        + outcome.caughtUp().map(d -> "all " + Format.count(load.accepted()) + " "
                        + Format.seconds(d) + " later").orElse("NOT all within the limit ("
                        + Format.count(outcome.distinct()) + ")")
                        + "; " + Format.count(outcome.received()) + " POSTs for " + Format.count(outcome.distinct())
                        + " lines");
    }
}
