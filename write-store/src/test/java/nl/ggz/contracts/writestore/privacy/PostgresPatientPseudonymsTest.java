package nl.ggz.contracts.writestore.privacy;

import nl.ggz.contracts.domain.privacy.OpenedPseudonym;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.writestore.WriteStoreDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, crypto-shredding (AVG/GDPR art. 17): a data key per insurer and pseudonym in a table of its own, the
 * pseudonym sealed under it (AES-GCM bound to the insurer and keyed hash), a keyed hash per insurer for equality, and
 * an erasure that destroys the key so that every stored copy of the ciphertext is unreadable.
 */
class PostgresPatientPseudonymsTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();
    private static final InsurerCode VGZ = new InsurerCode("3311");
    private static final InsurerCode ZZ = new InsurerCode("7095");

    private final PostgresPatientPseudonyms pseudonyms = new PostgresPatientPseudonyms(DB.jdbc());

    @BeforeEach
    void empty() {
        DB.empty(pseudonyms);
    }

    @Test
    void aSealedPseudonymOpensToItselfAndEachSealHasItsOwnIvUnderOnePersonsKey() {
        SealedPseudonym first = seal(VGZ, "p-aap");
        SealedPseudonym second = seal(VGZ, "p-aap");

        assertThat(first.keyedHash()).isEqualTo(second.keyedHash()).hasSize(43);
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext()).doesNotContain("p-aap");
        assertThat(pseudonyms.open(VGZ, List.of(first, second)).values())
                .extracting(OpenedPseudonym::patientRef).containsOnly("p-aap");
        assertThat(DB.jdbc().queryForObject("SELECT count(*) FROM patient_key", Long.class)).isEqualTo(1L);
    }

    @Test
    void aBatchIsSealedUnderOneKeyPerPersonMadeOnce() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            refs.add("p-" + i);
        }
        Map<String, SealedPseudonym> sealed = DB.inTransaction(() -> pseudonyms.seal(VGZ, refs));
        Map<String, SealedPseudonym> again = DB.inTransaction(() -> pseudonyms.seal(VGZ, refs));

        assertThat(sealed).hasSize(500);
        assertThat(DB.jdbc().queryForObject("SELECT count(*) FROM patient_key", Long.class)).isEqualTo(500L);
        assertThat(again.get("p-7").keyedHash()).isEqualTo(sealed.get("p-7").keyedHash());
        assertThat(pseudonyms.open(VGZ, List.of(sealed.get("p-7"))).get(sealed.get("p-7")).patientRef())
                .isEqualTo("p-7");
    }

    @Test
    void afterTheKeyIsDestroyedTheCiphertextReadsErasedAndTheKeyedHashStays() {
        SealedPseudonym aap = seal(VGZ, "p-aap");
        SealedPseudonym noot = seal(VGZ, "p-noot");

        assertThat(pseudonyms.destroyKey(VGZ, aap.keyedHash())).isTrue();

        assertThat(pseudonyms.open(VGZ, List.of(aap)).get(aap)).isEqualTo(OpenedPseudonym.ERASED);
        assertThat(pseudonyms.open(VGZ, List.of(noot)).get(noot).patientRef()).isEqualTo("p-noot");
        // the keyed hash is still computed alike: the supplement count of the erased person stays exact
        assertThat(pseudonyms.keyedHash(VGZ, "p-aap")).contains(aap.keyedHash());
        assertThat(pseudonyms.destroyKey(VGZ, aap.keyedHash())).isFalse();
    }

    @Test
    void aKeyMadeAnewAfterAnErasureDoesNotOpenWhatWasSealedBefore() {
        SealedPseudonym before = seal(VGZ, "p-aap");
        pseudonyms.destroyKey(VGZ, before.keyedHash());
        // the claims system declares the person again: a new key, under the same keyed hash
        SealedPseudonym after = seal(VGZ, "p-aap");

        assertThat(after.keyedHash()).isEqualTo(before.keyedHash());
        assertThat(pseudonyms.open(VGZ, List.of(before)).get(before)).isEqualTo(OpenedPseudonym.ERASED);
        assertThat(pseudonyms.open(VGZ, List.of(after)).get(after).patientRef()).isEqualTo("p-aap");
    }

    @Test
    void eachInsurerHashesWithItsOwnKeyAndACiphertextDoesNotOpenAtAnotherInsurer() {
        SealedPseudonym atVgz = seal(VGZ, "p-aap");
        SealedPseudonym atZz = seal(ZZ, "p-aap");

        assertThat(atVgz.keyedHash()).isNotEqualTo(atZz.keyedHash());
        assertThat(pseudonyms.open(ZZ, List.of(atVgz)).get(atVgz)).isEqualTo(OpenedPseudonym.ERASED);
        // an insurer that never sealed has no hash key: nothing of it can be erased
        assertThat(pseudonyms.keyedHash(new InsurerCode("4000"), "p-aap")).isEmpty();
    }

    @Test
    void aLegacyPlainValueReadsAsItself() {
        SealedPseudonym legacy = SealedPseudonym.legacy("p-oud");

        assertThat(pseudonyms.open(VGZ, List.of(legacy)).get(legacy).patientRef()).isEqualTo("p-oud");
    }

    @Test
    void theKeyTablesHoldNoPlainPseudonym() {
        seal(VGZ, "p-aap-herkenbaar");

        assertThat(DB.jdbc().queryForObject("SELECT count(*) FROM patient_key k WHERE k::text LIKE '%herkenbaar%' "
                + "OR encode(k.data_key, 'escape') LIKE '%herkenbaar%'", Long.class)).isZero();
        assertThat(DB.jdbc().queryForObject("SELECT count(*) FROM patient_hash_key k "
                + "WHERE k::text LIKE '%herkenbaar%'", Long.class)).isZero();
    }

    @Test
    void twoWritersSealingANewPersonAtOnceUseOneKey() throws Exception {
        WriteStoreDatabase second = WriteStoreDatabase.secondWriter();
        PostgresPatientPseudonyms other = new PostgresPatientPseudonyms(second.jdbc());
        seal(VGZ, "p-bestaand"); // the insurer's hash key is committed

        SealedPseudonym[] fromOther = new SealedPseudonym[1];
        SealedPseudonym mine = DB.inTransaction(() -> {
            SealedPseudonym sealed = pseudonyms.seal(VGZ, List.of("p-nieuw")).get("p-nieuw");
            Thread writer = new Thread(() -> fromOther[0] = second.inTransaction(
                    () -> other.seal(VGZ, List.of("p-nieuw")).get("p-nieuw")));
            writer.start();
            try {
                // the other's insert waits for this transaction's key; it then reads that key back
                writer.join(500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return sealed;
        });
        Thread.sleep(200);
        for (int i = 0; i < 50 && fromOther[0] == null; i++) {
            Thread.sleep(100);
        }

        assertThat(fromOther[0]).isNotNull();
        assertThat(pseudonyms.open(VGZ, List.of(mine, fromOther[0])).values())
                .extracting(OpenedPseudonym::patientRef).containsOnly("p-nieuw");
    }

    private SealedPseudonym seal(InsurerCode insurer, String ref) {
        return DB.inTransaction(() -> pseudonyms.seal(insurer, List.of(ref)).get(ref));
    }
}
