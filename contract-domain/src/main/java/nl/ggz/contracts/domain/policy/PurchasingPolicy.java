package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One insurer's purchasing policy for one contract year (published 1 April before the year, seed 000), amendable.
 * Kept as events so that the rules applied to any decision can be traced to the version then in force.
 */
public class PurchasingPolicy {

    @AggregateIdentifier
    private String policyId;
    private PolicyParameters parameters;

    protected PurchasingPolicy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishPurchasingPolicy command) {
        if (command.contractYear() < 2000 || command.contractYear() > 2100) {
            throw new InvalidValueException("a contract year is between 2000 and 2100, got " + command.contractYear());
        }
        if (policyId == null) {
            apply(new PurchasingPolicyPublished(command.policyId(), command.insurer(), command.contractYear(),
                    command.parameters()));
        } else if (!command.parameters().equals(parameters)) {
            apply(new PurchasingPolicyAmended(command.policyId(), command.insurer(), command.contractYear(),
                    command.parameters()));
        }
    }

    @EventSourcingHandler
    void on(PurchasingPolicyPublished event) {
        policyId = event.policyId();
        parameters = event.parameters();
    }

    @EventSourcingHandler
    void on(PurchasingPolicyAmended event) {
        parameters = event.parameters();
    }
}
