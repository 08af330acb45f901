package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record SignAddendum(@TargetAggregateIdentifier String ceilingId,
                           String addendumId,
                           String signedBy,
                           Instant signedAt) {
}
