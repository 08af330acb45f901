package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every accepted declaration, kept beside the event store in the same transaction as its event. It answers what the
 * hot ceiling aggregate must not hold in memory: which ids were seen (idempotency), what is left of a declaration to
 * credit, and how often a person was charged the psychodiagnostics supplement.
 * <p>
 * Declaration ids belong to the insurer: each insurer's claims system numbers its own declarations, so the same id at
 * two insurers names two declarations, and one insurer never learns of the other's.
 */
public interface DeclarationLedger {

    /** The insurer's declarations with these ids; another insurer's declaration of the same id is not among them. */
    Map<String, LedgerEntry> find(InsurerCode insurer, Collection<String> declarationIds);

    /** Supplements accepted per patient (by the keyed hash of the pseudonym) for this insurer and year. */
    Map<String, Integer> supplementsCharged(InsurerCode insurer, int year, Collection<String> keyedHashes);

    /**
     * The latest treatment date of a declaration ever accepted on these ceilings (a contract's), also when it was
     * credited or reclaimed later; empty when none was accepted.
     */
    Optional<LocalDate> latestTreatmentDate(Collection<String> ceilingIds);

    /**
     * A keyset page of the ceiling's declarations that have a part held above the ceiling, oldest accepted first, after
     * acceptance order {@code afterOrder} (0: from the first): so that a raise releases the oldest held amounts without
     * loading a ceiling's declarations (issue 17).
     */
    List<HeldDeclaration> held(String ceilingId, long afterOrder, int limit);
}
