package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The purchaser closes the contract year of this ceiling (afrekening). */
public record SettleCeiling(@TargetAggregateIdentifier String ceilingId, Instant settledAt) {
}
