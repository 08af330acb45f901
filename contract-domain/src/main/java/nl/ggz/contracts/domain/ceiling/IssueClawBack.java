package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public record IssueClawBack(@TargetAggregateIdentifier String ceilingId,
                            String clawBackId,
                            Money amount,
                            String reason,
                            List<String> declarationIds,
                            Instant issuedAt) {
}
