package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record AddendumOffered(String ceilingId, String addendumId, String requestId, Money amount,
                              Instant offeredAt) {
}
