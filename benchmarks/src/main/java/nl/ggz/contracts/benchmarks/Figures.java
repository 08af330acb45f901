package nl.ggz.contracts.benchmarks;

/**
 * The few numbers the ratios and targets are computed from, filled in as the measurements finish; a number stays
 * null when its measurement failed, and its target is then reported as not measured.
 */
public final class Figures {
    Double rawPerSecond;
    Double baselinePerSecond;
    Double appPerSecond;
    Double lagP99Ms;
    Double ceilingLoadMedianMs;
    Long ceilingEvents;
    Long heapMidBytes;
    Long heapEndBytes;

    void addRatiosAndTargets(Results results) {
        Double appToRaw = appPerSecond != null && rawPerSecond != null ? appPerSecond / rawPerSecond : null;
        Double appToBaseline = appPerSecond != null && baselinePerSecond != null
                ? appPerSecond / baselinePerSecond : null;
        results.ratio("3/1", appToRaw == null ? "n/a" : Format.ratio(appToRaw),
                "application ingestion ÷ raw JDBC insert (events/s)");
        results.ratio("3/2", appToBaseline == null ? "n/a" : Format.ratio(appToBaseline),
                "application ingestion ÷ plain Axon, one command per declaration");

        results.target("ingestion ≥ 30 % of raw (3/1 ≥ 0.30)",
                appToRaw == null ? "n/a" : Math.round(appToRaw * 100) + " %",
                appToRaw == null ? null : appToRaw >= 0.30);
        results.target("ingestion ≥ 5× baseline (3/2 ≥ 5)",
                appToBaseline == null ? "n/a" : Format.ratio(appToBaseline) + "×",
                appToBaseline == null ? null : appToBaseline >= 5);
        String events = ceilingEvents == null ? "" : " (" + Format.count(ceilingEvents) + " events"
                + (ceilingEvents < 1_000_000 ? ", fewer than 1M in this run" : "") + ")";
        results.target("1M-declaration ceiling loads in ≤ 20 ms (median, with snapshots)",
                ceilingLoadMedianMs == null ? "n/a" : Format.ms(ceilingLoadMedianMs) + events,
                ceilingLoadMedianMs == null ? null : ceilingLoadMedianMs <= 20);
        results.target("projection lag ≤ 1 s p99 under full load",
                lagP99Ms == null ? "n/a" : Format.ms(lagP99Ms), lagP99Ms == null ? null : lagP99Ms <= 1_000);
        results.target("memory flat over a long run (after-GC heap grows ≤ max(32 MB, 20 %) from after "
                        + "measurement 3 to after the ceiling ingestion)",
                heapMidBytes == null || heapEndBytes == null ? "n/a"
                        : Format.mb(heapMidBytes) + " → " + Format.mb(heapEndBytes),
                heapMidBytes == null || heapEndBytes == null ? null
                        : heapEndBytes - heapMidBytes <= Math.max(32L << 20, heapMidBytes / 5));
    }
}
