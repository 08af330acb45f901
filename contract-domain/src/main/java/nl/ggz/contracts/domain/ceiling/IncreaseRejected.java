package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record IncreaseRejected(String ceilingId, String requestId, String grounds, Instant decidedAt) {
}
