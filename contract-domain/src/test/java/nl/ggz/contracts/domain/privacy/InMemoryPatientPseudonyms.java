package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sealing as the aggregates see it, without the cryptography (write-store's tests cover that): a pseudonym seals to a
 * readable stand-in so that expected events can be written down, and a destroyed key reads as erased.
 */
public class InMemoryPatientPseudonyms implements PatientPseudonyms {

    /** insurer/keyed hash of each live key */
    private final Set<String> keys = new HashSet<>();
    private final Set<String> insurers = new HashSet<>();

    public static String hashOf(InsurerCode insurer, String patientRef) {
        // opaque, like the real keyed hash: a test can check that the pseudonym shows nowhere
        return "h-" + Integer.toHexString((insurer.value() + "/" + patientRef).hashCode());
    }

    public static SealedPseudonym sealedOf(InsurerCode insurer, String patientRef) {
        return SealedPseudonym.sealed("sealed(" + patientRef + ")", hashOf(insurer, patientRef));
    }

    @Override
    public Map<String, SealedPseudonym> seal(InsurerCode insurer, Collection<String> patientRefs) {
        insurers.add(insurer.value());
        Map<String, SealedPseudonym> sealed = new HashMap<>();
        for (String ref : patientRefs) {
            keys.add(insurer.value() + "/" + hashOf(insurer, ref));
            sealed.put(ref, sealedOf(insurer, ref));
        }
        return sealed;
    }

    @Override
    public Optional<String> keyedHash(InsurerCode insurer, String patientRef) {
        return insurers.contains(insurer.value()) ? Optional.of(hashOf(insurer, patientRef)) : Optional.empty();
    }

    @Override
    public Map<SealedPseudonym, OpenedPseudonym> open(InsurerCode insurer, Collection<SealedPseudonym> sealed) {
        Map<SealedPseudonym, OpenedPseudonym> opened = new HashMap<>();
        for (SealedPseudonym value : sealed) {
            if (value.legacy()) {
                opened.put(value, new OpenedPseudonym(value.legacyPlain()));
            } else if (keys.contains(insurer.value() + "/" + value.keyedHash())) {
                String text = value.ciphertext();
                opened.put(value, new OpenedPseudonym(text.substring("sealed(".length(), text.length() - 1)));
            } else {
                opened.put(value, OpenedPseudonym.ERASED);
            }
        }
        return opened;
    }

    /** Whether a key was ever made for this pseudonym (and not destroyed). */
    public boolean hasKey(InsurerCode insurer, String patientRef) {
        return keys.contains(insurer.value() + "/" + hashOf(insurer, patientRef));
    }

    @Override
    public boolean destroyKey(InsurerCode insurer, String keyedHash) {
        return keys.remove(insurer.value() + "/" + keyedHash);
    }
}
