package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

public record PurchasingPolicyPublished(String policyId, InsurerCode insurer, int contractYear,
                                        PolicyParameters parameters) {
}
