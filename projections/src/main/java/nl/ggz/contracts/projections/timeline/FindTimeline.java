package nl.ggz.contracts.projections.timeline;

public record FindTimeline(String contractId) {
}
