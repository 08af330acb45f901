package nl.ggz.contracts.projections.ceiling;

public record FindCeiling(String ceilingId) {
}
