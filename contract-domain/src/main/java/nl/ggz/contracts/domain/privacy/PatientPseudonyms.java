package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Crypto-shredding of patient pseudonyms (AVG/GDPR art. 17): each (insurer, pseudonym) has a data key of its own,
 * kept apart from the history; what is stored is the pseudonym sealed under it, and a keyed hash (a secret per insurer)
 * for equality. Destroying the key erases every stored copy at once, while the history stays as it was written.
 * Keys are written in the caller's transaction (a key made for a line that is then refused is harmless).
 */
public interface PatientPseudonyms {

    /** Each pseudonym sealed under its key, the key made where there is none yet: one round trip per batch. */
    Map<String, SealedPseudonym> seal(InsurerCode insurer, Collection<String> patientRefs);

    /** The keyed hash of a pseudonym at this insurer, or empty when the insurer never sealed one. */
    Optional<String> keyedHash(InsurerCode insurer, String patientRef);

    /**
     * The sealed values read back: {@link OpenedPseudonym#ERASED} when the key is gone (or was made anew after an
     * erasure: the old ciphertext does not open under it); a legacy plain value reads as itself.
     */
    Map<SealedPseudonym, OpenedPseudonym> open(InsurerCode insurer, Collection<SealedPseudonym> sealed);

    /** Destroys the data key of this keyed hash; whether there was one. The keyed hash itself stays. */
    boolean destroyKey(InsurerCode insurer, String keyedHash);
}
