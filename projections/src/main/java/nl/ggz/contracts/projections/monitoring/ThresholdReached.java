package nl.ggz.contracts.projections.monitoring;

import java.time.Instant;

public record ThresholdReached(int percent, Instant reachedAt) {
}
