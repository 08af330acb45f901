package nl.ggz.contracts.domain.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A patient pseudonym as stored: encrypted under a key of its own ({@code ciphertext}), with a keyed hash for the
 * rules that need equality (the supplement count, seed 002 §5.2). Destroying the key leaves the ciphertext unreadable
 * while the hash chain over it still verifies (crypto-shredding, README "Erasing a patient pseudonym").
 * <p>
 * {@code legacyPlain} is set only on declarations stored before pseudonyms were sealed (DeclarationRecorded revision
 * 1): the history cannot be rewritten, so those keep the plain pseudonym they were stored with; the other two are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SealedPseudonym(String ciphertext, String keyedHash, String legacyPlain) {

    public static SealedPseudonym sealed(String ciphertext, String keyedHash) {
        return new SealedPseudonym(ciphertext, keyedHash, null);
    }

    public static SealedPseudonym legacy(String plain) {
        return new SealedPseudonym(null, null, plain);
    }

    /** Stored plain, before sealing (not a getter: Jackson would write it). */
    public boolean legacy() {
        return legacyPlain != null;
    }
}
