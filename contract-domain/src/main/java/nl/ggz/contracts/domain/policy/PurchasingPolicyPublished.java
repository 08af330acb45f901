package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PurchasingPolicyPublished(String policyId, InsurerCode insurer, int contractYear,
                                        PolicyParameters parameters) {
}
