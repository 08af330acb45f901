package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.serialization.Revision;

import java.util.SortedMap;

/**
 * A patient's pseudonym was erased at an insurer: no personal data, only the keyed hash the declarations already
 * carry (so an auditor can tell which of them became unreadable), whether a key was destroyed now ({@code false}:
 * it already was), and how many declarations per ceiling were affected. Who asked is in the metadata.
 */
@Revision("1")
public record PatientDataErased(String erasureId,
                                InsurerCode insurer,
                                String keyedHash,
                                boolean keyDestroyed,
                                int declarations,
                                SortedMap<String, Integer> declarationsPerCeiling) {
}
