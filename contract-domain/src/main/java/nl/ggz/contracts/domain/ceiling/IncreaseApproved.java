package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Approved, not yet final: seed 001, the increase is final only when the provider signs the addendum. */
@Revision("1")
public record IncreaseApproved(String ceilingId, String requestId, Money amount, String addendumId,
                               Instant decidedAt) {
}
