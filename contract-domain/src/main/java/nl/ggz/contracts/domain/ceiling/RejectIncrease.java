package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RejectIncrease(@TargetAggregateIdentifier String ceilingId,
                             String requestId,
                             String grounds,
                             Instant decidedAt) {
}
