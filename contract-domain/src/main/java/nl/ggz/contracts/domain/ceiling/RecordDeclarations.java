package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The lines of one claims batch that route to this ceiling: applied in one transaction. */
public record RecordDeclarations(@TargetAggregateIdentifier String ceilingId,
                                 List<DeclarationLine> lines,
                                 Instant receivedAt) {
}
