package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;

/**
 * What became of one contract in a renewal.
 *
 * @param renewalContractId the new offer; null when skipped
 * @param ceiling           the new offer's ceiling per year (when skipped: the one it would have had)
 * @param ceilingFrom       the ceiling whose amount in force it carries over; null when the purchaser set it
 * @param reason            why it was skipped; null when offered
 */
public record RenewalOutcome(String contractId, ProviderCode provider, Status status, String renewalContractId,
                             Money ceiling, String ceilingFrom, String reason) {

    public enum Status { OFFERED, SKIPPED }
}
