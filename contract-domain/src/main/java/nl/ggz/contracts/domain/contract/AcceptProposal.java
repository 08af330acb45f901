package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The purchaser accepts the provider's latest proposal on a negotiated offer, so that the provider can sign it. */
public record AcceptProposal(@TargetAggregateIdentifier String contractId, String acceptedBy, Instant acceptedAt) {
}
