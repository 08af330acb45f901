package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A ceiling opened for one calendar year of a signed contract: from {@code periodStart} (1 January, or the term's
 * start in its first year) to {@code periodEnd}. Revision 2 (issue 14): the settings and prestaties the offer left
 * out, excluded from the start (seed 002 §5.4); stored without them, nothing was left out.
 */
@Revision("2")
public record CeilingAgreed(String ceilingId,
                            String contractId,
                            InsurerCode insurer,
                            ProviderCode provider,
                            ProviderType providerType,
                            ContractKind kind,
                            int year,
                            LocalDate periodStart,
                            LocalDate periodEnd,
                            Money initialCeiling,
                            Set<Setting> settings,
                            Set<PrestatieCode> excludedPrestatieCodes,
                            Set<Setting> excludedSettings) {
}
