package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The terms signed (the latest proposal) and the ceilings opened: one per calendar year of the term. */
@Revision("1")
public record ContractSigned(String contractId,
                             String signedBy,
                             Instant signedAt,
                             Money ceilingPerYear,
                             TariffPercentage tariff,
                             Set<Setting> settings,
                             List<String> ceilingIds) {
}
