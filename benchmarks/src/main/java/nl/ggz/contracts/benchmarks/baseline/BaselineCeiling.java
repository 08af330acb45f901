package nl.ggz.contracts.benchmarks.baseline;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The baseline's aggregate: the least an event-sourced ceiling can do. It records each declaration as the
 * application's own {@link DeclarationRecorded} (same payload, same bytes) and keeps a running total.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class BaselineCeiling {

    @AggregateIdentifier
    private String ceilingId;
    private long declaredCents;

    protected BaselineCeiling() {
    }

    @CommandHandler
    public BaselineCeiling(OpenBaselineCeiling command) {
        apply(new BaselineCeilingOpened(command.ceilingId()));
    }

    @CommandHandler
    public void handle(RecordBaselineDeclaration command) {
        Money amount = Money.cents(command.amountCents());
        apply(new DeclarationRecorded(ceilingId, command.declarationId(), new PrestatieCode(command.prestatieCode()),
                new Setting(command.setting()), command.treatmentDate(), SealedPseudonym.legacy(command.patientRef()), amount, amount,
                Money.ZERO, false));
    }

    @EventSourcingHandler
    void on(BaselineCeilingOpened event) {
        ceilingId = event.ceilingId();
    }

    @EventSourcingHandler
    void on(DeclarationRecorded event) {
        declaredCents += event.amount().cents();
    }
}
