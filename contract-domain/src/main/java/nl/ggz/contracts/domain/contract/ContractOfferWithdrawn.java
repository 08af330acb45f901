package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ContractOfferWithdrawn(String contractId, String reason, Instant withdrawnAt) {
}
