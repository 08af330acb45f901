package nl.ggz.contracts.projections.monitoring;

import java.time.Instant;

/** The purchaser's queue: open increase requests of one insurer, overdue first, then by due date. */
public record FindOpenIncreaseRequests(String insurer, Instant now) {
}
