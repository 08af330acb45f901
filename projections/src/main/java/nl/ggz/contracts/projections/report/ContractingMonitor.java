package nl.ggz.contracts.projections.report;

import java.util.Map;

/** DESIGN.md §5 contracting-monitor figures of one year; every provider type present, zeros included. */
public record ContractingMonitor(int year, Map<String, ProviderTypeFigures> byProviderType) {
}
