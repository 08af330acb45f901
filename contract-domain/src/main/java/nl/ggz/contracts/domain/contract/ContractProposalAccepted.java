package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The insurer accepts the provider's proposal of {@code round}: from now on the provider can sign it (seed 000: a
 * contract is concluded "bij overeenstemming", when both sides agree).
 */
@Revision("1")
public record ContractProposalAccepted(String contractId, int round, String acceptedBy, Instant acceptedAt) {
}
