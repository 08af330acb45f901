package nl.ggz.contracts.benchmarks.baseline;

public record BaselineCeilingOpened(String ceilingId) {
}
