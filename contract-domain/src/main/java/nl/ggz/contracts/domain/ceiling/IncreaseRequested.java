package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;

public record IncreaseRequested(String ceilingId,
                                String requestId,
                                Money amount,
                                String grounds,
                                Instant requestedAt,
                                Instant decisionDueAt) {
}
