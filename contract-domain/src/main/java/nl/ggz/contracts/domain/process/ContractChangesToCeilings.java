package nl.ggz.contracts.domain.process;

import nl.ggz.contracts.domain.ceiling.ApplyContractAmendment;
import nl.ggz.contracts.domain.ceiling.ApplyContractTermination;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * The process between the two aggregates, above both: the contract knows its ceilings (it opens them when signed), the
 * ceilings know nothing of contract events, so no package of the domain imports one that imports it back.
 * <p>
 * Carries amendments and terminations of a contract to its ceilings, where declarations are judged. Runs in a
 * subscribing processor, so the ceilings change in the same transaction as the contract.
 */
@ProcessingGroup(ContractChangesToCeilings.PROCESSING_GROUP)
public class ContractChangesToCeilings {

    public static final String PROCESSING_GROUP = "contract-changes-to-ceilings";

    private final CommandGateway commands;

    public ContractChangesToCeilings(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ContractAmended event) {
        for (String ceilingId : event.ceilingIds()) {
            commands.sendAndWait(new ApplyContractAmendment(ceilingId, event.excludedPrestatieCodes(),
                    event.excludedSettings(), event.effectiveDate()));
        }
    }

    @EventHandler
    void on(ContractTerminated event) {
        for (String ceilingId : event.ceilingIds()) {
            commands.sendAndWait(new ApplyContractTermination(ceilingId, event.effectiveDate()));
        }
    }
}
