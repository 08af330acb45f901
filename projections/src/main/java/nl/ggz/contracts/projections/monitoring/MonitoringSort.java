package nl.ggz.contracts.projections.monitoring;

/** How monitoring rows are ordered: highest utilisation, most declared, provider code, or soonest exhaustion. */
public enum MonitoringSort {
    UTILISATION, DECLARED, PROVIDER, EXHAUSTION
}
