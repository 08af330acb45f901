package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

/** Where command handlers find the policy in force; the defaults when the insurer published none for that year. */
public interface PurchasingPolicies {

    PolicyParameters inForce(InsurerCode insurer, int contractYear);
}
