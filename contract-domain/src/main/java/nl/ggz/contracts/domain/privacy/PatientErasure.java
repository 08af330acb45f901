package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.commandhandling.CommandHandler;

import java.util.Optional;
import java.util.SortedMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One erasure of a patient pseudonym: the key is destroyed in the transaction that records it, so there is never an
 * erasure on record whose key survived, nor a key destroyed without a record of who asked.
 */
public class PatientErasure {

    @AggregateIdentifier
    private String erasureId;

    protected PatientErasure() {
    }

    /**
     * A pseudonym the insurer never sealed and no declaration names is refused as unknown (404): nothing is recorded,
     * and the answer names nothing personal. Erasing one already erased is answered again (its key was destroyed
     * before) and recorded, with {@code keyDestroyed} false.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PatientDataErased handle(ErasePatientData command, PatientPseudonyms pseudonyms, PseudonymUses uses) {
        Optional<String> hash = pseudonyms.keyedHash(command.insurer(), command.patientRef());
        SortedMap<String, Integer> perCeiling = hash.map(h -> uses.declarationsPerCeiling(command.insurer(), h))
                .orElseGet(java.util.TreeMap::new);
        boolean destroyed = hash.isPresent() && pseudonyms.destroyKey(command.insurer(), hash.get());
        if (!destroyed && perCeiling.isEmpty()) {
            throw new UnknownReferenceException("insurer " + command.insurer()
                    + " holds no declaration and no key for this pseudonym: nothing to erase");
        }
        int declarations = perCeiling.values().stream().mapToInt(Integer::intValue).sum();
        PatientDataErased erased = new PatientDataErased(command.erasureId(), command.insurer(), hash.get(), destroyed,
                declarations, perCeiling);
        apply(erased);
        return erased;
    }

    @EventSourcingHandler
    void on(PatientDataErased event) {
        erasureId = event.erasureId();
    }
}
