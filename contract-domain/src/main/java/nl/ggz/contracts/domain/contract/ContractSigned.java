package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.Tariffs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The terms signed (the latest proposal) and the ceilings opened: one per calendar year of the term. Revision 2
 * (issue 14): a tariff per setting ({@code tariffs}, was one {@code tariff}).
 */
@Revision("2")
public record ContractSigned(String contractId,
                             String signedBy,
                             Instant signedAt,
                             Money ceilingPerYear,
                             Tariffs tariffs,
                             Set<Setting> settings,
                             List<String> ceilingIds) {
}
