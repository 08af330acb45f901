package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 (issue 14): the parameters gained {@code maxTermYears}, {@code settingsByProviderType} and
 * {@code quoteResponseDays}; a policy stored before has their defaults (EventUpcasters).
 * <p>
 * Revision 3 (issue 15): decision periods per contract kind (ISO-8601), the increase regime, a fixed decision day and
 * the claims cut-off; revision 2 held one {@code decisionPeriodDays} for every kind (upcast to that period for both
 * kinds, the window regime, no fixed day, no cut-off).
 */
@Revision("3")
public record PurchasingPolicyPublished(String policyId, InsurerCode insurer, int contractYear,
                                        PolicyParameters parameters) {
}
