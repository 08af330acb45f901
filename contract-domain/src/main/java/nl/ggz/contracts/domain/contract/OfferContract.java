package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * @param tariff                 the tariff of every setting not named in {@code tariffsBySetting}; may be null when
 *                               that names them all
 * @param tariffsBySetting       a tariff per setting (seed 001: differentiated per setting); may be null
 * @param offerExpiresAt         when the offer lapses unsigned; null means the policy's offer validity from
 *                               {@code offeredAt}
 * @param excludedPrestatieCodes prestaties the offer leaves out (seed 002 §5.4); null or empty: none
 * @param excludedSettings       settings of the offer it leaves out; null or empty: none
 */
public record OfferContract(@TargetAggregateIdentifier String contractId,
                            InsurerCode insurer,
                            ProviderCode provider,
                            ProviderType providerType,
                            ContractKind kind,
                            ContractTerm term,
                            Set<Setting> settings,
                            TariffPercentage tariff,
                            Map<Setting, TariffPercentage> tariffsBySetting,
                            Money ceiling,
                            Instant offerExpiresAt,
                            Instant offeredAt,
                            Set<PrestatieCode> excludedPrestatieCodes,
                            Set<Setting> excludedSettings) {

    /** An offer with one tariff for all its settings and nothing left out. */
    public OfferContract(String contractId, InsurerCode insurer, ProviderCode provider, ProviderType providerType,
                         ContractKind kind, ContractTerm term, Set<Setting> settings, TariffPercentage tariff,
                         Money ceiling, Instant offerExpiresAt, Instant offeredAt) {
        this(contractId, insurer, provider, providerType, kind, term, settings, tariff, null, ceiling, offerExpiresAt,
                offeredAt, null, null);
    }
}
