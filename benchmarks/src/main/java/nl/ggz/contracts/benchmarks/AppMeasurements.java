package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.benchmarks.app.AppProcess;
import nl.ggz.contracts.benchmarks.app.ContractSetup;
import nl.ggz.contracts.benchmarks.app.HeapSampler;
import nl.ggz.contracts.benchmarks.app.StreamingCatchUp;
import nl.ggz.contracts.benchmarks.app.TokenIssuer;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Measurements 3 to 8 against the application started from its jar: setup through the API, a warm-up, the hot
 * ceilings under load with the lag probe beside it, single posts, the million-declaration ceiling, the audit export, a
 * live rebuild of the read models, and — with the application stopped, so it takes no CPU from them — the loads of
 * that ceiling. Every call carries a bearer token of the party whose act it is ({@link TokenIssuer}): purchasers
 * offer, providers sign, each insurer's claims system declares, its purchaser reads monitoring, the operator reads the
 * heap and rebuilds the read models, and the regulator exports the audit history.
 */
final class AppMeasurements {

    /** € 10 billion: far above anything declared here, so no threshold or exhaustion changes the work per line. */
    private static final long CEILING_CENTS = 1_000_000_000_000L;
    private static final String LOAD_INSURER = "8001";
    private static final String PROBE_INSURER = "8002";
    private static final String BIG_CEILING_INSURER = "8003";
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(15);
    /** The application's ggz.audit.log.batch-size. */
    private static final int LOG_BATCH = 20_000;

    private final BenchmarkSizes sizes;
    private final DeclarationSamples samples;
    private final Results results;
    private final Figures figures;
    private final BenchmarkMain.Accounting cpu;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    AppMeasurements(BenchmarkSizes sizes, DeclarationSamples samples, Results results, Figures figures,
                    BenchmarkMain.Accounting cpu) {
        this.sizes = sizes;
        this.samples = samples;
        this.results = results;
        this.figures = figures;
        this.cpu = cpu;
    }

    void run(BenchmarkDatabase database, Path appJar, Path workDirectory, Cleanup cleanup) throws Exception {
        BenchmarkMain.say("starting the application (" + appJar + ")");
        long starting = System.nanoTime();
        TokenIssuer issuer = TokenIssuer.create(workDirectory);
        AppProcess app = cleanup.add(AppProcess.start(appJar, workDirectory,
                database.jdbcUrl(BenchmarkDatabase.APP), sizes.appHeap(), issuer));
        AppClient client = new AppClient(app.port()); // no token: health only; the parties below use client.as(…)
        app.awaitHealthy(client, Duration.ofMinutes(3));
        BenchmarkMain.say("application healthy after " + Format.seconds(Duration.ofNanos(System.nanoTime() - starting))
                + " on port " + app.port());
        DataSource appDatabase = database.dataSource(BenchmarkDatabase.APP, 2, "");
        AppClient operator = client.as(issuer.operator());
        HeapSampler heap = cleanup.add(new HeapSampler(operator, app.pid()));
        heap.afterGc("after start");

        int year = samples.year();
        List<String> hot = new ArrayList<>();
        for (int i = 0; i < sizes.hotCeilings(); i++) {
            hot.add(contract(client, issuer, LOAD_INSURER, i));
        }
        String warmUp = contract(client, issuer, LOAD_INSURER, 90);
        String single = contract(client, issuer, LOAD_INSURER, 91);
        String probe = contract(client, issuer, PROBE_INSURER, 92);
        String big = contract(client, issuer, BIG_CEILING_INSURER, 93);
        // each contract's declarations come from the claims system of its insurer
        AppClient loadClaims = client.as(issuer.claims(LOAD_INSURER));
        AppClient probeClaims = client.as(issuer.claims(PROBE_INSURER));
        AppClient probePurchaser = client.as(issuer.purchaser(PROBE_INSURER));
        AppClient bigClaims = client.as(issuer.claims(BIG_CEILING_INSURER));

        BenchmarkMain.say("warm-up: " + sizes.warmUpSeconds() + " s of batches (not measured)");
        requireExact("warm-up", HttpIngestionLoad.run(loadClaims, List.of(warmUp), sizes.clients(), Long.MAX_VALUE,
                Duration.ofSeconds(sizes.warmUpSeconds()), sizes.loadBatch(), "WARM-" + run, samples));

        cpu.accounted("3 and 6", () -> hotCeilings(loadClaims, hot, probeClaims, probePurchaser, probe));
        awaitStreaming(appDatabase, "after measurement 3");
        heapPoint(heap, "after measurement 3").ifPresent(bytes -> figures.heapMidBytes = bytes);

        cpu.accounted("4", () -> singlePosts(loadClaims, single));

        // issue 17: the same ingestion with one webhook receiver subscribed; the subscription is gone afterwards
        try {
            BenchmarkMain.say("measurement 3w: " + sizes.loadSeconds() + " s of batches as in 3, with one subscribed "
                    + "webhook receiver");
            // hot ceilings of their own, so that each shows exactly what this load got accepted
            List<String> hooked = new ArrayList<>();
            for (int i = 0; i < sizes.hotCeilings(); i++) {
                hooked.add(contract(client, issuer, LOAD_INSURER, 100 + i));
            }
            cpu.accounted("3w", () -> WebhookIngestionBenchmark.report(results, WebhookIngestionBenchmark.run(
                    operator, loadClaims, LOAD_INSURER, hooked, sizes, samples, "HOOK-" + run, CATCH_UP_LIMIT),
                    figures.appPerSecond));
        } catch (Exception e) {
            BenchmarkMain.say("3w ingestion with a webhook receiver FAILED: " + e);
            results.failed("3w", "ingestion with one subscribed webhook receiver", e);
        }
        awaitStreaming(appDatabase, "after measurement 3w");

        // issue 18: what appending to the verifiable log costs that ingestion (the appender running, then paused)
        try {
            BenchmarkMain.say("measurement 9a: " + sizes.logSeconds() + " s of batches as in 3 with the log's appender "
                    + "running, then " + sizes.logSeconds() + " s with it paused");
            List<String> withLog = new ArrayList<>();
            List<String> withoutLog = new ArrayList<>();
            for (int i = 0; i < sizes.hotCeilings(); i++) {
                withLog.add(contract(client, issuer, LOAD_INSURER, 110 + i));
                withoutLog.add(contract(client, issuer, LOAD_INSURER, 120 + i));
            }
            LogBenchmark.AppendCost[] cost = new LogBenchmark.AppendCost[1];
            cpu.accounted("9a", () -> cost[0] = LogBenchmark.appendCost(appDatabase, loadClaims, withLog, withoutLog,
                    sizes, samples, "LOG-" + run));
            LogBenchmark.report(results, cost[0], null, null, LOG_BATCH);
        } catch (Exception e) {
            BenchmarkMain.say("9a log append cost FAILED: " + e);
            results.failed("9a", "verifiable log: append cost during ingestion", e);
        }
        awaitStreaming(appDatabase, "after measurement 9a");

        HttpIngestionLoad.Outcome[] ingestion = new HttpIngestionLoad.Outcome[1];
        cpu.accounted("5a", () -> ingestion[0] = bigCeiling(bigClaims, big));
        HttpIngestionLoad.Outcome bigIngestion = ingestion[0];
        heapPoint(heap, "after the ceiling ingestion").ifPresent(bytes -> figures.heapEndBytes = bytes);
        results.row("mem", "application heap (-Xmx" + sizes.appHeap() + ") over measurements 3–5",
                figures.heapEndBytes == null ? "n/a" : Format.mb(figures.heapEndBytes) + " after GC at the end",
                heap.describe());
        awaitStreaming(appDatabase, "after the ceiling ingestion");

        BenchmarkMain.say("measurement 7: exporting the whole event store through the audit API, then reading it plainly");
        HeapSampler exportHeap = cleanup.add(new HeapSampler(operator, app.pid()));
        AuditExportBenchmark.Outcome[] export = new AuditExportBenchmark.Outcome[1];
        AppClient regulator = client.as(issuer.regulator());
        cpu.accounted("7", () -> export[0] = AuditExportBenchmark.run(regulator, appDatabase));
        exportHeap.afterGc("after the export");
        AuditExportBenchmark.report(results, export[0], exportHeap);
        cleanup.close(exportHeap);

        BenchmarkMain.say("measurement 8: rebuilding the streaming read models from the event store, then reading it "
                + "plainly");
        try {
            RebuildBenchmark.Outcome[] rebuild = new RebuildBenchmark.Outcome[1];
            // the views watched: the loaded insurer's monitoring and the first hot contract's timeline
            AppClient loadPurchaser = client.as(issuer.purchaser(LOAD_INSURER));
            cpu.accounted("8", () -> rebuild[0] = RebuildBenchmark.run(operator, loadPurchaser,
                    "/api/monitoring/ceilings?insurer=" + LOAD_INSURER + "&year=" + year,
                    "/api/contracts/" + hot.get(0) + "/timeline", appDatabase, REBUILD_LIMIT));
            RebuildBenchmark.report(results, rebuild[0]);
        } catch (Exception e) {
            // its own row: a failed rebuild must not cost the ceiling loads (5b, 5c) that follow
            BenchmarkMain.say("8 read-model rebuild FAILED: " + e);
            results.failed("8", "read-model rebuild", e);
        }

        Path logFolder = workDirectory.resolve("log-verification");
        boolean fetched = false;
        try {
            BenchmarkMain.say("measurement 9c: the export and the global log's checkpoint for the offline verifier");
            Files.createDirectories(logFolder);
            LogBenchmark.fetchForVerification(appDatabase, regulator, logFolder);
            fetched = true;
        } catch (Exception e) {
            BenchmarkMain.say("9c fetching the export and checkpoint FAILED: " + e);
            results.failed("9c", "verifiable log: verifying it offline", e);
        }

        // the snapshotter runs after the commit on a thread of its own; a graceful stop lets it finish
        BenchmarkMain.say("stopping the application");
        cleanup.close(heap);
        cleanup.close(app);

        // issue 18: verify the log offline, then build it again from leaf 0 (the application stopped for both)
        LogBenchmark.Verification verification = null;
        if (fetched) {
            try {
                BenchmarkMain.say("measurement 9c: the verifier over the export against the global checkpoint");
                LogBenchmark.Verification[] verified = new LogBenchmark.Verification[1];
                cpu.accounted("9c", () -> verified[0] = LogBenchmark.verify(logFolder));
                verification = verified[0];
            } catch (Exception e) {
                BenchmarkMain.say("9c verifying the log FAILED: " + e);
                results.failed("9c", "verifiable log: verifying it offline", e);
            } finally {
                Files.deleteIfExists(logFolder.resolve("export.ndjson"));
            }
        }
        LogBenchmark.Build build = null;
        try {
            BenchmarkMain.say("measurement 9b: building the verifiable log from leaf 0 over the whole store");
            LogBenchmark.Build[] built = new LogBenchmark.Build[1];
            cpu.accounted("9b", () -> built[0] = LogBenchmark.rebuild(appDatabase, LOG_BATCH));
            build = built[0];
        } catch (Exception e) {
            BenchmarkMain.say("9b building the log FAILED: " + e);
            results.failed("9b", "verifiable log: built from leaf 0", e);
        }
        LogBenchmark.report(results, null, build, verification, LOG_BATCH);

        // a batch refused as a whole (e.g. a timeout) stored nothing: the ceiling is still exactly what was accepted
        if (bigIngestion.differences().isEmpty()) {
            cpu.accounted("5b and 5c", () -> ceilingLoads(appDatabase, ContractSetup.ceilingOf(big, year),
                    bigIngestion.totals().cents(ContractSetup.ceilingOf(big, year))));
        } else {
            results.row("5b", "load the ceiling", "SKIPPED", "the ceiling does not show what was accepted");
        }

    }

    private void hotCeilings(AppClient claims, List<String> hot, AppClient probeClaims, AppClient probePurchaser,
                             String probeContract) throws Exception {
        BenchmarkMain.say("measurement 3: " + sizes.loadSeconds() + " s of batches, " + sizes.clients()
                + " clients, " + hot.size() + " hot ceilings; measurement 6 probing alongside");
        ProjectionLagProbe probe = new ProjectionLagProbe(probeClaims, probePurchaser, probeContract, PROBE_INSURER,
                samples, sizes.probeIntervalMs());
        HttpIngestionLoad.Outcome load;
        try {
            probe.startAndPrime();
            load = HttpIngestionLoad.run(claims, hot, sizes.clients(), Long.MAX_VALUE,
                    Duration.ofSeconds(sizes.loadSeconds()), sizes.loadBatch(), "HOT-" + run, samples);
        } finally {
            probe.close();
        }
        if (load.exact()) {
            figures.appPerSecond = load.perSecond();
        } else {
            results.failed("3", "exactness", new IllegalStateException("accepted " + load.accepted() + " of "
                    + load.sent() + "; " + load.problems() + " " + load.differences()));
        }
        results.row("3", "application: HTTP batch API, " + load.clients() + " clients, " + load.ceilings()
                        + " hot ceilings, batches of " + load.batchSize(),
                Format.rate(load.perSecond()) + " events/s",
                Format.count(load.accepted()) + " declarations in " + Format.seconds(load.elapsed()) + ", "
                        + load.verdict() + "; batch latency "
                        + load.batches().summary());
        figures.lagP99Ms = probe.lags().count() == 0 ? null : probe.lags().percentileMs(99);
        results.row("6", "projection lag under full load: acknowledged → visible in monitoring",
                probe.lags().summary(),
                "one declaration every " + sizes.probeIntervalMs() + " ms on a contract of its own during "
                        + "measurement 3, monitoring polled every 5 ms"
                        + (probe.missed() > 0 ? "; " + probe.missed() + " probes failed: " + probe.problem() : ""));
    }

    private void singlePosts(AppClient claims, String contract) throws Exception {
        BenchmarkMain.say("measurement 4: single declarations, " + sizes.singleRate() + "/s for "
                + sizes.singleSeconds() + " s");
        SingleDeclarationLatency.Outcome single = SingleDeclarationLatency.run(claims, List.of(contract),
                sizes.singleRate(), sizes.singleSeconds(), "ONE-" + run, samples);
        boolean exact = single.problems().isEmpty() && single.differences().isEmpty()
                && single.accepted() == single.sent();
        results.row("4", "single-declaration posts at " + sizes.singleRate() + "/s, no other load",
                single.latencies().summary(),
                Format.count(single.sent()) + " posts, " + Format.rate(single.perSecond()) + "/s achieved, "
                        + (exact ? "all ACCEPTED and exact" : "NOT EXACT: " + single.problems() + single.differences()));
    }

    private HttpIngestionLoad.Outcome bigCeiling(AppClient claims, String contract) throws Exception {
        BenchmarkMain.say("measurement 5a: " + Format.count(sizes.ceilingDeclarations())
                + " declarations into one ceiling");
        HttpIngestionLoad.Outcome load = HttpIngestionLoad.run(claims, List.of(contract), sizes.ceilingClients(),
                sizes.ceilingDeclarations(), null, sizes.ceilingBatch(), "CEIL-" + run, samples);
        results.row("5a", "application: " + Format.count(load.sent()) + " declarations into ONE ceiling, "
                        + load.clients() + " clients, batches of " + load.batchSize(),
                Format.rate(load.perSecond()) + " events/s",
                Format.count(load.accepted()) + " in " + Format.seconds(load.elapsed()) + ", " + load.verdict()
                        + "; batch latency " + load.batches().summary());
        return load;
    }

    private void ceilingLoads(DataSource appDatabase, String ceilingId, long expectedCents) throws Exception {
        BenchmarkMain.say("measurement 5b: loading " + ceilingId + " " + sizes.ceilingLoads() + "× with snapshots, "
                + sizes.ceilingReplays() + "× without");
        CeilingLoadBenchmark.Outcome loads = CeilingLoadBenchmark.run(appDatabase, ceilingId, expectedCents,
                sizes.ceilingLoads(), sizes.ceilingReplays());
        figures.ceilingLoadMedianMs = loads.withSnapshots().medianMs();
        figures.ceilingEvents = loads.events();
        String verified = "balance().declared() = " + Format.count(loads.declaredCents()) + " cents, as accepted";
        results.row("5b", "load the ceiling (" + Format.count(loads.events()) + " events) WITH snapshots",
                "median " + Format.ms(loads.withSnapshots().medianMs()) + ", max "
                        + Format.ms(loads.withSnapshots().maxMs()),
                loads.withSnapshots().count() + " loads after 2 warm-up, latest snapshot + "
                        + Format.count(loads.eventsAfterSnapshot()) + " events; no cache; " + verified);
        results.row("5c", "load the ceiling WITHOUT snapshots (replay every event)",
                "median " + Format.ms(loads.replay().medianMs()) + ", max " + Format.ms(loads.replay().maxMs()),
                loads.replay().count() + " loads; " + verified);
    }

    private String contract(AppClient client, TokenIssuer issuer, String insurer, int n) {
        return ContractSetup.signedContract(client, issuer, insurer, String.format("9400%04d", n), CEILING_CENTS,
                samples.year(), DeclarationSamples.contractedSettings());
    }

    private void awaitStreaming(DataSource appDatabase, String when) throws Exception {
        Optional<Duration> caughtUp = StreamingCatchUp.await(appDatabase, CATCH_UP_LIMIT);
        BenchmarkMain.say("streaming read models " + when + ": " + caughtUp
                .map(d -> "caught up in " + Format.seconds(d)).orElse("NOT caught up within " + CATCH_UP_LIMIT));
        results.context("streaming read models (timeline, monitoring, reporting) " + when + ": " + caughtUp
                .map(d -> "caught up " + Format.seconds(d) + " after the load ended")
                .orElse("not caught up within " + Format.seconds(CATCH_UP_LIMIT)));
    }

    private static Optional<Long> heapPoint(HeapSampler heap, String label) {
        try {
            return Optional.of(heap.afterGc(label).heapBytes());
        } catch (Exception e) {
            BenchmarkMain.say("no after-GC heap " + label + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static void requireExact(String what, HttpIngestionLoad.Outcome load) {
        if (!load.exact()) {
            throw new IllegalStateException(what + " not exact: accepted " + load.accepted() + " of " + load.sent()
                    + "; " + load.problems() + " " + load.differences());
        }
    }
}
