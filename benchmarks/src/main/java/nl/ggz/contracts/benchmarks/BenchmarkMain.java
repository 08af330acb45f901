package nl.ggz.contracts.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One run of every measurement of issue 4 on one embedded PostgreSQL:
 * {@code ./mvnw -q package -DskipTests && java -jar benchmarks/target/benchmarks.jar} from the repository root.
 * Prints a Markdown report and writes it to benchmarks/target/benchmark-results.md; exits 1 if a measurement failed.
 */
public final class BenchmarkMain {

    private static final long STARTED = System.nanoTime();

    private final BenchmarkSizes sizes;
    private final DeclarationSamples samples = new DeclarationSamples();
    private final Results results = new Results();
    private final Figures figures = new Figures();
    private Cleanup cleanup;
    private CpuAccounting cpu;

    private BenchmarkMain(BenchmarkSizes sizes) {
        this.sizes = sizes;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true"); // no network here, and no need
        int exitCode = 1;
        try {
            exitCode = new BenchmarkMain(BenchmarkSizes.fromSystemProperties()).run();
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(exitCode);
    }

    /** Progress on stderr, so that stdout is the report alone. */
    static void say(String message) {
        System.err.printf("[%6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
    }

    private int run() throws Exception {
        Path output = outputDirectory();
        Files.createDirectories(output);
        Path appJar = Path.of(System.getProperty("bench.appJar",
                output.resolve("../../contract-api/target/contract-api.jar").normalize().toString()));
        Path temporary = Files.createTempDirectory("ggz-bench-");
        cleanup = new Cleanup(temporary);
        cpu = new CpuAccounting(temporary.toString());
        Thread hook = new Thread(cleanup, "benchmark-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        results.context("date: " + date);
        results.context("command: `./mvnw -q package -DskipTests && java " + String.join("", benchProperties())
                + "-jar benchmarks/target/benchmarks.jar`");
        MachineInfo.describe().forEach(results::context);
        String busy = MachineInfo.cpuBusyNow();
        results.context("before the run: CPUs " + busy + ", load average " + MachineInfo.loadAverage());
        say("CPUs " + busy);
        try {
            say("starting PostgreSQL in " + temporary);
            BenchmarkDatabase database = cleanup.add(BenchmarkDatabase.start(temporary.resolve("postgres")));
            results.context(database.version() + " (embedded, zonky), " + database.settings());
            sizes.describe().forEach(line -> results.context("size: " + line));
            if (sizes.runs("raw")) {
                measure("1", "raw JDBC insert", database, () -> accounted("1", () -> raw(database)));
            }
            if (sizes.runs("baseline")) {
                measure("2", "plain Axon baseline", database, () -> accounted("2", () -> baseline(database)));
            }
            Path log = temporary.resolve("app.log");
            try {
                if (sizes.runs("app")) {
                    measure("3–9", "application", database, () -> new AppMeasurements(sizes, samples, results,
                            figures, this::accounted).run(database, appJar, temporary, cleanup));
                }
            } finally {
                if (Files.exists(log)) {
                    Files.copy(log, output.resolve("benchmark-app.log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            cleanup.run();
        }
        figures.addRatiosAndTargets(results);
        results.context("load average at the end (this run's own load included): " + MachineInfo.loadAverage());
        results.context("run time: " + Format.seconds(Duration.ofNanos(System.nanoTime() - STARTED))
                + "; application log: benchmarks/target/benchmark-app.log");
        String report = results.markdown("Benchmark run " + date);
        System.out.println(report);
        Files.writeString(output.resolve("benchmark-results.md"), report);
        say("report written to " + output.resolve("benchmark-results.md"));
        return results.anyFailed() ? 1 : 0;
    }

    private void raw(BenchmarkDatabase database) throws Exception {
        say("measurement 1: " + Format.count(sizes.rawRows()) + " rows, " + sizes.clients() + " writer threads");
        RawInsertBenchmark.Outcome raw = RawInsertBenchmark.run(
                database.dataSource(BenchmarkDatabase.RAW, sizes.clients(), "reWriteBatchedInserts=true"),
                sizes.clients(), sizes.rawRows(), new EventRows(samples));
        figures.rawPerSecond = raw.perSecond();
        results.row("1", "raw limit: plain JDBC batch insert into an Axon-shaped event table",
                Format.rate(raw.perSecond()) + " events/s",
                Format.count(raw.rows()) + " rows in " + Format.seconds(raw.elapsed()) + ", " + raw.threads()
                        + " threads, " + RawInsertBenchmark.ROWS_PER_TRANSACTION + " rows per transaction, "
                        + "reWriteBatchedInserts; DeclarationRecorded payload ≈ " + raw.payloadBytes()
                        + " B, metadata ≈ " + raw.metadataBytes() + " B");
    }

    private void baseline(BenchmarkDatabase database) throws Exception {
        say("measurement 2: " + sizes.baselineSeconds() + " s of commands, " + sizes.clients() + " client threads");
        PlainAxonBaseline.Outcome baseline = PlainAxonBaseline.run(
                database.dataSource(BenchmarkDatabase.BASELINE, sizes.clients() + 4, ""), sizes.clients(),
                Duration.ofSeconds(sizes.baselineSeconds()), sizes.baselineEventsPerAggregate(), samples);
        figures.baselinePerSecond = baseline.perSecond();
        results.row("2", "baseline: plain Axon 4.13, one command per declaration (sendAndWait)",
                Format.rate(baseline.perSecond()) + " events/s",
                Format.count(baseline.commands()) + " commands in " + Format.seconds(baseline.elapsed()) + ", "
                        + baseline.threads() + " threads over " + baseline.aggregates() + " aggregates (≤ "
                        + sizes.baselineEventsPerAggregate() + " events each); default processor ("
                        + baseline.processor() + ") read model "
                        + (baseline.caughtUp() ? "caught up " + Format.seconds(baseline.projectionCatchUp())
                        + " after the last command, " + Format.rate(baseline.projectionPerSecond()) + " events/s overall"
                        : "NOT caught up: " + Format.count(baseline.projected()) + " of "
                        + Format.count(baseline.commands()) + " " + Format.seconds(baseline.projectionCatchUp())
                        + " after the last command"));
    }

    private void measure(String id, String name, BenchmarkDatabase database, Step step) {
        if (cleanup.done()) {
            return; // interrupted: the shutdown hook is stopping everything
        }
        try {
            database.checkpoint();
            step.run();
        } catch (Exception | AssertionError e) {
            say(id + " " + name + " FAILED: " + e);
            e.printStackTrace();
            results.failed(id, name, e);
        }
    }

    /** Runs a step and notes how much of the machine other work took meanwhile. */
    void accounted(String measurement, Step step) throws Exception {
        CpuAccounting.Sample before = cpu.sample();
        try {
            step.run();
        } finally {
            results.context("other work on the machine during measurement " + measurement + ": "
                    + CpuAccounting.otherWork(before, cpu.sample()));
        }
    }

    /** The -Dbench.* properties of this run, so the report shows the exact command. */
    private static Iterable<String> benchProperties() {
        return System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
                .sorted().map(name -> "-D" + name + "=" + System.getProperty(name) + " ").toList();
    }

    /** Beside the jar (benchmarks/target) when run as documented; else benchmarks/target under the working dir. */
    private static Path outputDirectory() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath).toAbsolutePath().getParent();
        }
        return Path.of("benchmarks", "target").toAbsolutePath();
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /** How AppMeasurements has its phases accounted for without knowing about CPU sampling. */
    @FunctionalInterface
    interface Accounting {
        void accounted(String measurement, Step step) throws Exception;
    }
}
