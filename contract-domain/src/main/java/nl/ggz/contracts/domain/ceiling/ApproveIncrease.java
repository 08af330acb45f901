package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ApproveIncrease(@TargetAggregateIdentifier String ceilingId,
                              String requestId,
                              String addendumId,
                              Money amount,
                              Instant decidedAt) {
}
