package nl.ggz.contracts.domain.ceiling;

import java.time.Instant;

public record IncreaseRejected(String ceilingId, String requestId, String grounds, Instant decidedAt) {
}
