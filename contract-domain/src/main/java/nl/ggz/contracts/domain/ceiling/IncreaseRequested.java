package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record IncreaseRequested(String ceilingId,
                                String requestId,
                                Money amount,
                                String grounds,
                                Instant requestedAt,
                                Instant decisionDueAt) {
}
