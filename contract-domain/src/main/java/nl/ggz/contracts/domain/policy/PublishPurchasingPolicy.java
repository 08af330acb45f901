package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishes an insurer's purchasing policy for a contract year, or amends the one published. */
public record PublishPurchasingPolicy(@TargetAggregateIdentifier String policyId,
                                      InsurerCode insurer,
                                      int contractYear,
                                      PolicyParameters parameters) {

    public static String policyIdOf(InsurerCode insurer, int contractYear) {
        return insurer.value() + "-" + contractYear;
    }
}
