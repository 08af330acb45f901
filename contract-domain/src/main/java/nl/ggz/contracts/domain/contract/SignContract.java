package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record SignContract(@TargetAggregateIdentifier String contractId, String signedBy, Instant signedAt) {
}
