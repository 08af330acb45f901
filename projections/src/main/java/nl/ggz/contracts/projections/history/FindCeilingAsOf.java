package nl.ggz.contracts.projections.history;

import java.time.Instant;

/** A ceiling as it was at an instant: rebuilt from the events stored up to it. */
public record FindCeilingAsOf(String ceilingId, Instant asOf) {
}
