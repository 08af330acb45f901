package nl.ggz.contracts.projections.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts per named category, every category present (zero included) and in the order of its enum. */
final class Counts {
    private Counts() {
    }

    static Map<String, Long> zeros(Enum<?>[] categories) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Enum<?> category : categories) {
            counts.put(category.name(), 0L);
        }
        return counts;
    }

    static void add(Map<String, Long> counts, String category, long n) {
        counts.merge(category, n, Long::sum);
    }
}
