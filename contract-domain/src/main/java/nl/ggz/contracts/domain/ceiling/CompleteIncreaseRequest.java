package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The provider sends the information asked for; the request is complete and the decision clock starts again. */
public record CompleteIncreaseRequest(@TargetAggregateIdentifier String ceilingId,
                                      String requestId,
                                      String information,
                                      Instant completedAt) {
}
