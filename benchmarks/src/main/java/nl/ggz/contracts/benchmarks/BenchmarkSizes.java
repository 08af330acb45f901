package nl.ggz.contracts.benchmarks;

import java.util.List;

/**
 * How much each measurement does. Every size is a system property ({@code -Dbench.raw.rows=…}); the defaults make a
 * full run of roughly 5–10 minutes on a 2-core machine, {@code -Dbench.quick=true} shrinks all of them for development.
 */
public record BenchmarkSizes(boolean quick,
                             int clients,
                             int rawRows,
                             int baselineSeconds,
                             int baselineEventsPerAggregate,
                             int hotCeilings,
                             int warmUpSeconds,
                             int loadSeconds,
                             int loadBatch,
                             int probeIntervalMs,
                             int singleRate,
                             int singleSeconds,
                             int ceilingDeclarations,
                             int ceilingBatch,
                             int ceilingClients,
                             int ceilingLoads,
                             int ceilingReplays,
                             int logSeconds,
                             String appHeap,
                             String only) {

    public static BenchmarkSizes fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new BenchmarkSizes(quick,
                intProperty("bench.clients", 6),
                intProperty("bench.raw.rows", quick ? 60_000 : 600_000),
                intProperty("bench.baseline.seconds", quick ? 8 : 30),
                // as long as the application lets a ceiling's stream grow between snapshots (ggz.snapshots, 250)
                intProperty("bench.baseline.eventsPerAggregate", 250),
                intProperty("bench.load.ceilings", 4),
                intProperty("bench.warmup.seconds", quick ? 5 : 15),
                intProperty("bench.load.seconds", quick ? 20 : 90),
                intProperty("bench.load.batch", 1_000),
                intProperty("bench.probe.intervalMs", 200),
                intProperty("bench.single.rate", 50),
                intProperty("bench.single.seconds", quick ? 5 : 20),
                intProperty("bench.ceiling.declarations", quick ? 20_000 : 1_000_000),
                // 1,000: a 5,000-line batch waiting behind three others on one ceiling can pass Axon's 60 s
                // unit-of-work timeout on this machine today
                intProperty("bench.ceiling.batch", 1_000),
                intProperty("bench.ceiling.clients", 4),
                intProperty("bench.ceiling.loads", quick ? 5 : 20),
                intProperty("bench.ceiling.replays", quick ? 2 : 3),
                intProperty("bench.log.seconds", quick ? 10 : 30),
                System.getProperty("bench.app.heap", "1g"),
                System.getProperty("bench.only", "raw,baseline,app"));
    }

    /** The sizes as the report prints them, with the property that sets each. */
    public List<String> describe() {
        return List.of(
                "mode: " + (quick ? "quick (-Dbench.quick=true)" : "full"),
                "bench.clients (HTTP clients = raw writer threads = baseline client threads): " + clients,
                "bench.raw.rows: " + rawRows + " (1,000 rows per transaction)",
                "bench.baseline.seconds: " + baselineSeconds + ", bench.baseline.eventsPerAggregate: "
                        + baselineEventsPerAggregate,
                "bench.warmup.seconds: " + warmUpSeconds + " (application, not measured), bench.load.seconds: "
                        + loadSeconds + ", bench.load.ceilings: " + hotCeilings + ", bench.load.batch: " + loadBatch
                        + ", bench.probe.intervalMs: " + probeIntervalMs,
                "bench.single.rate: " + singleRate + "/s for bench.single.seconds: " + singleSeconds,
                "bench.ceiling.declarations: " + ceilingDeclarations + " in batches of bench.ceiling.batch: "
                        + ceilingBatch + " by bench.ceiling.clients: " + ceilingClients
                        + "; bench.ceiling.loads: " + ceilingLoads + ", bench.ceiling.replays: " + ceilingReplays,
                "bench.log.seconds (measurement 9a, each of its two loads): " + logSeconds,
                "bench.app.heap (the application's -Xmx): " + appHeap + "; bench.only: " + only);
    }

    /** {@code -Dbench.only=raw,baseline,app} (the default: all) picks measurements while developing. */
    public boolean runs(String part) {
        return List.of(only.split(",")).contains(part);
    }

    private static int intProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed = Integer.parseInt(value.replace("_", "").trim());
        if (parsed <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return parsed;
    }
}
