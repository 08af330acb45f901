package nl.ggz.contracts.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations collected from several threads; percentiles by nearest rank over all of them (no sampling). */
public final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    public void record(long durationNanos) {
        nanos.add(durationNanos);
    }

    public int count() {
        return nanos.size();
    }

    public double percentileMs(double percentile) {
        List<Long> sorted = sorted();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    public double medianMs() {
        return percentileMs(50);
    }

    public double maxMs() {
        return percentileMs(100);
    }

    /** "p50 12.3 ms, p99 45.6 ms, max 78.9 ms (n=1000)". */
    public String summary() {
        if (count() == 0) {
            return "no samples";
        }
        return "p50 " + Format.ms(percentileMs(50)) + ", p99 " + Format.ms(percentileMs(99)) + ", max "
                + Format.ms(maxMs()) + " (n=" + count() + ")";
    }

    private List<Long> sorted() {
        List<Long> copy;
        synchronized (nanos) {
            copy = new ArrayList<>(nanos);
        }
        Collections.sort(copy);
        return copy;
    }
}
