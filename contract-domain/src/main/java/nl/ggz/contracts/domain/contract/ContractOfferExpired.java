package nl.ggz.contracts.domain.contract;

import java.time.Instant;

public record ContractOfferExpired(String contractId, Instant expiredAt) {
}
