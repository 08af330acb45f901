package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;

public record AddendumOffered(String ceilingId, String addendumId, String requestId, Money amount,
                              Instant offeredAt) {
}
