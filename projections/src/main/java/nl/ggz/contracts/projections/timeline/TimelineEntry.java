package nl.ggz.contracts.projections.timeline;

import java.time.Instant;

/** One line of a contract's history: when, what happened (in words), who did it, and the amount involved. */
public record TimelineEntry(Instant at, String type, String description, String actor, Long amountCents,
                            String ceilingId) {
}
