package nl.ggz.contracts.domain.contract;

import java.time.Instant;

public record ContractDeclined(String contractId, String reason, Instant declinedAt) {
}
