package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/** A proposal round on a negotiated offer; carries the whole proposal now on the table. */
@Revision("1")
public record ContractProposalRevised(String contractId,
                                      int round,
                                      Party proposedBy,
                                      Money ceiling,
                                      TariffPercentage tariff,
                                      Set<Setting> settings,
                                      Instant proposedAt) {
}
