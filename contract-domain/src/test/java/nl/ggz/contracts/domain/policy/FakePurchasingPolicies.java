package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.util.HashMap;
import java.util.Map;

/** The defaults of every insurer and year, unless a test sets other parameters for one. */
public class FakePurchasingPolicies implements PurchasingPolicies {

    private final Map<String, PolicyParameters> published = new HashMap<>();

    public FakePurchasingPolicies set(InsurerCode insurer, int contractYear, PolicyParameters parameters) {
        published.put(insurer.value() + "/" + contractYear, parameters);
        return this;
    }

    @Override
    public PolicyParameters inForce(InsurerCode insurer, int contractYear) {
        return published.getOrDefault(insurer.value() + "/" + contractYear, PolicyParameters.defaults(contractYear));
    }
}
