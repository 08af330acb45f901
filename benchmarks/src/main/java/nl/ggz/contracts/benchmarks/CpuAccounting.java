package nl.ggz.contracts.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How much of the machine other work took while a measurement ran: the CPU time all processes used (/proc/stat)
 * less what this run's own processes used (this JVM, the application and PostgreSQL, found by the temporary directory
 * on their command lines, with their children). On a shared machine this says which numbers to trust.
 */
public final class CpuAccounting {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second everywhere Java runs. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    public record Sample(long at, long busyNanos, long ownNanos) {
    }

    private final String marker;

    /** {@code marker}: a string on the command line of every process this run starts (its temporary directory). */
    public CpuAccounting(String marker) {
        this.marker = marker;
    }

    public Sample sample() {
        return new Sample(System.nanoTime(), busyNanos(), ownNanos());
    }

    /** "other work: 2 % of the CPUs" between the two samples; "n/a" where /proc is missing. */
    public static String otherWork(Sample from, Sample to) {
        if (from.busyNanos() < 0 || to.busyNanos() < 0) {
            return "n/a";
        }
        long capacity = (to.at() - from.at()) * Runtime.getRuntime().availableProcessors();
        long other = (to.busyNanos() - from.busyNanos()) - (to.ownNanos() - from.ownNanos());
        double share = capacity <= 0 ? 0 : Math.max(0, 100.0 * other / capacity);
        return String.format(Locale.ROOT, "%.0f %% of the CPUs over %s", share,
                Format.seconds(Duration.ofNanos(to.at() - from.at())));
    }

    private static long busyNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // user … steal, not guest (counted in user)
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long ownNanos() {
        Set<ProcessHandle> own = new HashSet<>();
        own.add(ProcessHandle.current());
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(p -> {
                    own.add(p);
                    p.descendants().forEach(own::add);
                });
        return own.stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
