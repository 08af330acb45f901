package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The purchaser asks the provider for what is missing from an increase request; the decision clock stops. */
public record RequestIncreaseInformation(@TargetAggregateIdentifier String ceilingId,
                                         String requestId,
                                         String question,
                                         Instant requestedAt) {
}
