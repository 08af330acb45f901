package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

public record PurchasingPolicyAmended(String policyId, InsurerCode insurer, int contractYear,
                                      PolicyParameters parameters) {
}
