package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.Tariffs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * The insurer's offer. Revision 2 (issue 14): a tariff per setting ({@code tariffs}, was one {@code tariff} for all
 * settings) and the settings and prestaties the offer leaves out from the start (seed 002 §5.4); revision 1 and the
 * rows stored without a revision are upcast (EventUpcasters): their tariff for every setting, nothing left out.
 * Also new in revision 2: {@code renewalOf}, the contract this offer renews (the next term offered from it, see
 * {@link ContractRenewed}); null for an offer made on its own, and for every offer stored before.
 */
@Revision("2")
public record ContractOffered(String contractId,
                              InsurerCode insurer,
                              ProviderCode provider,
                              ProviderType providerType,
                              ContractKind kind,
                              ContractTerm term,
                              Set<Setting> settings,
                              Tariffs tariffs,
                              Money ceiling,
                              Instant offeredAt,
                              Instant offerExpiresAt,
                              Set<PrestatieCode> excludedPrestatieCodes,
                              Set<Setting> excludedSettings,
                              String renewalOf) {

    /** An offer made on its own, not as the renewal of another contract. */
    public ContractOffered(String contractId, InsurerCode insurer, ProviderCode provider, ProviderType providerType,
                           ContractKind kind, ContractTerm term, Set<Setting> settings, Tariffs tariffs, Money ceiling,
                           Instant offeredAt, Instant offerExpiresAt, Set<PrestatieCode> excludedPrestatieCodes,
                           Set<Setting> excludedSettings) {
        this(contractId, insurer, provider, providerType, kind, term, settings, tariffs, ceiling, offeredAt,
                offerExpiresAt, excludedPrestatieCodes, excludedSettings, null);
    }
}
