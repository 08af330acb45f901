package nl.ggz.contracts.benchmarks.baseline;

/** Creates a baseline ceiling; a client opens a fresh one every so many declarations. */
public record OpenBaselineCeiling(String ceilingId) {
}
