package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.Tariffs;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;

/**
 * A proposal round on a negotiated offer; carries the whole proposal now on the table. Revision 2 (issue 14): a tariff
 * per setting ({@code tariffs}, was one {@code tariff}), and for a provider's proposal (a quote) the moment by which
 * the insurer answers it ({@code answerDueAt}, seed 002 §6.3; null for the insurer's own proposals and for rounds
 * stored before revision 2).
 */
@Revision("2")
public record ContractProposalRevised(String contractId,
                                      int round,
                                      Party proposedBy,
                                      Money ceiling,
                                      Tariffs tariffs,
                                      Set<Setting> settings,
                                      Instant proposedAt,
                                      Instant answerDueAt) {
}
