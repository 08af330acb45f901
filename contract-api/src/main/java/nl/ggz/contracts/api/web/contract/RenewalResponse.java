package nl.ggz.contracts.api.web.contract;

import java.time.LocalDate;

/**
 * The offer of the next term ({@code 201}).
 *
 * @param contractId   the new offer
 * @param renewalOf    the contract renewed
 * @param ceilingCents the new offer's ceiling per year
 * @param ceilingId    the ceiling whose amount in force it carries over (raises from signed addenda included); null
 *                     when the body set {@code ceilingCents}
 */
public record RenewalResponse(String contractId, String renewalOf, LocalDate termStart, LocalDate termEnd,
                              long ceilingCents, String ceilingId) {
}
