package nl.ggz.contracts.projections.report;

/** The NZa contracting-monitor figures of one contract year, across all insurers. */
public record FindContractingMonitor(int year) {
}
