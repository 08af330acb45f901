package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 (AVG/GDPR art. 17): erasing a patient pseudonym destroys its key in the transaction that records the
 * erasure, and the record holds no personal data: the keyed hash the declarations already carry, and counts.
 */
class PatientErasureTest {

    private static final InsurerCode VGZ = new InsurerCode("3311");
    private static final InsurerCode ZZ = new InsurerCode("7095");

    private AggregateTestFixture<PatientErasure> fixture;
    private InMemoryPatientPseudonyms pseudonyms;
    private final SortedMap<String, SortedMap<String, Integer>> uses = new TreeMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PatientErasure.class);
        pseudonyms = new InMemoryPatientPseudonyms();
        fixture.registerInjectableResource(pseudonyms);
        fixture.registerInjectableResource((PseudonymUses) (insurer, hash) ->
                new TreeMap<>(uses.getOrDefault(insurer.value() + "/" + hash, new TreeMap<>())));
    }

    @Test
    void erasingDestroysTheKeyAndRecordsTheDeclarationsPerCeilingWithoutThePseudonym() {
        SealedPseudonym sealed = pseudonyms.seal(VGZ, List.of("p-aap")).get("p-aap");
        uses.put("3311/" + sealed.keyedHash(), new TreeMap<>(java.util.Map.of("A-2027", 2, "B-2027", 1)));
        PatientDataErased expected = new PatientDataErased("E-1", VGZ, sealed.keyedHash(), true, 3,
                new TreeMap<>(java.util.Map.of("A-2027", 2, "B-2027", 1)));

        fixture.givenNoPriorActivity()
                .when(new ErasePatientData("E-1", VGZ, "p-aap"))
                .expectEvents(expected)
                .expectResultMessagePayload(expected);

        assertThat(pseudonyms.open(VGZ, List.of(sealed)).get(sealed)).isEqualTo(OpenedPseudonym.ERASED);
        assertThat(expected.toString()).doesNotContain("p-aap");
    }

    @Test
    void erasingAPseudonymAlreadyErasedIsRecordedAgainWithNoKeyDestroyed() {
        String hash = pseudonyms.seal(VGZ, List.of("p-aap")).get("p-aap").keyedHash();
        pseudonyms.destroyKey(VGZ, hash);
        uses.put("3311/" + hash, new TreeMap<>(java.util.Map.of("A-2027", 1)));

        fixture.givenNoPriorActivity()
                .when(new ErasePatientData("E-2", VGZ, "p-aap"))
                .expectEvents(new PatientDataErased("E-2", VGZ, hash, false, 1,
                        new TreeMap<>(java.util.Map.of("A-2027", 1))));
    }

    @Test
    void aPseudonymTheInsurerNeverSealedIsUnknownAndNothingIsRecorded() {
        pseudonyms.seal(VGZ, List.of("p-aap"));

        fixture.givenNoPriorActivity()
                .when(new ErasePatientData("E-3", VGZ, "p-noot"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("p-noot")));
    }

    @Test
    void anotherInsurersPseudonymIsNotErasedByThisInsurer() {
        SealedPseudonym atZz = pseudonyms.seal(ZZ, List.of("p-aap")).get("p-aap");
        pseudonyms.seal(VGZ, List.of("p-noot"));

        fixture.givenNoPriorActivity()
                .when(new ErasePatientData("E-4", VGZ, "p-aap"))
                .expectException(UnknownReferenceException.class);
        assertThat(pseudonyms.open(ZZ, List.of(atZz)).get(atZz).patientRef()).isEqualTo("p-aap");
    }
}
