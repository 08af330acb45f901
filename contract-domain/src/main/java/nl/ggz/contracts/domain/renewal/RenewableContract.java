package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.Money;

import java.time.LocalDate;

/**
 * A contract as the renewal needs it.
 *
 * @param ceilingId      the ceiling of the last calendar year of the term; null when none was opened (not signed)
 * @param ceilingInForce that ceiling as it stands: the initial amount plus the raises of signed addenda (seed 001,
 *                       "inclusief eventuele verhoging"); null when none was opened
 */
public record RenewableContract(String contractId, ProviderCode provider, LocalDate termEnd, String ceilingId,
                                Money ceilingInForce) {
}
