package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record WithdrawOffer(@TargetAggregateIdentifier String contractId, String reason, Instant withdrawnAt) {
}
