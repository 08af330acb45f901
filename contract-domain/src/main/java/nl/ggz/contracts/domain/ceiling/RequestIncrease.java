package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RequestIncrease(@TargetAggregateIdentifier String ceilingId,
                              String requestId,
                              Money amount,
                              String grounds,
                              Instant requestedAt) {
}
