package nl.ggz.contracts.projections.history;

import java.time.Instant;

/** A contract as it was at an instant: rebuilt from the events stored up to it. */
public record FindContractAsOf(String contractId, Instant asOf) {
}
