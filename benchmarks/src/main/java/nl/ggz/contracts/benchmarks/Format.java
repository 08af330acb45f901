package nl.ggz.contracts.benchmarks;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the report prints them: thousands separated by commas, latencies with one decimal. */
public final class Format {

    private Format() {
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    public static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%,.1f ms", millis);
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / (1024.0 * 1024.0));
    }

    public static double perSecond(long count, Duration elapsed) {
        return count / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
}
