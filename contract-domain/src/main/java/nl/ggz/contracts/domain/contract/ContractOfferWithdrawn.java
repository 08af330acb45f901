package nl.ggz.contracts.domain.contract;

import java.time.Instant;

public record ContractOfferWithdrawn(String contractId, String reason, Instant withdrawnAt) {
}
