package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

@Revision("1")
public record ContractOffered(String contractId,
                              InsurerCode insurer,
                              ProviderCode provider,
                              ProviderType providerType,
                              ContractKind kind,
                              ContractTerm term,
                              Set<Setting> settings,
                              TariffPercentage tariff,
                              Money ceiling,
                              Instant offeredAt,
                              Instant offerExpiresAt) {
}
