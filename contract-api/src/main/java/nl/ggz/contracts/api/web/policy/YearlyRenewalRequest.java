package nl.ggz.contracts.api.web.policy;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.time.OffsetDateTime;

/**
 * The yearly renewal; every field optional.
 *
 * @param providerType   renew only contracts with providers of this type
 * @param kind           renew only contracts of this kind
 * @param offerExpiresAt when the new offers lapse unsigned (seed 001: accepted by 10 November 17:00); left out: the
 *                       new year's policy's offer validity
 */
public record YearlyRenewalRequest(ProviderType providerType, ContractKind kind, OffsetDateTime offerExpiresAt) {
}
