package nl.ggz.contracts.projections.contract;

import java.time.LocalDate;

/**
 * A contract whose term ends in the year asked for.
 *
 * @param renewedAs    the offer of its next term, once renewed
 * @param ceilingId    the ceiling of the term's last year; null when none was opened
 * @param ceilingCents that ceiling as it stands (raises from signed addenda included); null when none was opened
 */
public record ContractEnding(String contractId, String providerAgb, String providerType, String kind,
                             LocalDate termEnd, String status, String renewedAs, String ceilingId,
                             Long ceilingCents) {
}
