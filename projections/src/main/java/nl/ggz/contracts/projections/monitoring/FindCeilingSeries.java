package nl.ggz.contracts.projections.monitoring;

public record FindCeilingSeries(String ceilingId) {
}
