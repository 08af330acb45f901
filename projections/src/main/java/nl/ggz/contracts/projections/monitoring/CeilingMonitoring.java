package nl.ggz.contracts.projections.monitoring;

import java.util.List;

public record CeilingMonitoring(String insurerUzovi, int year, MonitoringTotals totals,
                                List<CeilingMonitoringRow> ceilings) {
}
