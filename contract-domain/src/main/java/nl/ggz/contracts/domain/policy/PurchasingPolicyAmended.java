package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.serialization.Revision;

/**
 * Revision 2 (issue 14): the parameters gained {@code maxTermYears}, {@code settingsByProviderType} and
 * {@code quoteResponseDays}; a policy stored before has their defaults (EventUpcasters).
 */
@Revision("2")
public record PurchasingPolicyAmended(String policyId, InsurerCode insurer, int contractYear,
                                      PolicyParameters parameters) {
}
