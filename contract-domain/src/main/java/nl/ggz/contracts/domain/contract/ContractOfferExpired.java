package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ContractOfferExpired(String contractId, Instant expiredAt) {
}
