package nl.ggz.contracts.writestore.ledger;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.LedgerEntry;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.writestore.WriteStoreDatabase;
import nl.ggz.contracts.writestore.privacy.PostgresPatientPseudonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The declaration ledger beside the event store: idempotency per insurer, what is left of a declaration after credits
 * and claw-backs, and the psychodiagnostics supplements a person was charged (seed 002 §5.2).
 */
class PostgresDeclarationLedgerTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();
    private static final InsurerCode VGZ = new InsurerCode("3311");
    private static final InsurerCode ZZ = new InsurerCode("7095");
    private static final LocalDate CARE = LocalDate.of(2027, 2, 15);

    private final PostgresPatientPseudonyms pseudonyms = new PostgresPatientPseudonyms(DB.jdbc());
    private final PostgresDeclarationLedger ledger = new PostgresDeclarationLedger(DB.jdbc(), pseudonyms);

    @BeforeEach
    void empty() {
        DB.empty(ledger, pseudonyms);
    }

    @Test
    void aDeclarationIsKeptUnderItsCeilingsInsurerAndYear() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 15_230, "p-aap", true));

        assertThat(DB.jdbc().queryForMap("""
                SELECT ceiling_id, insurer_uzovi, contract_year, patient_hash, amount_cents, supplement
                FROM declaration_ledger WHERE declaration_id = 'D-1'"""))
                .containsEntry("ceiling_id", "A-2027").containsEntry("insurer_uzovi", "3311")
                .containsEntry("contract_year", 2027).containsEntry("patient_hash", hash(VGZ, "p-aap"))
                .containsEntry("amount_cents", 15_230L).containsEntry("supplement", true);
        assertThat(ledger.find(VGZ, List.of("D-1", "D-unknown")))
                .containsOnly(Map.entry("D-1", new LedgerEntry("D-1", "A-2027", Money.cents(15_230), false)));
    }

    @Test
    void theSameIdAtAnotherInsurerIsAnotherDeclaration() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027), agreed("Z-2027", ZZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 1_000, "p-aap", false),
                recorded("Z-2027", "D-1", 2_000, "p-noot", false));

        assertThat(ledger.find(VGZ, List.of("D-1")).get("D-1").ceilingId()).isEqualTo("A-2027");
        assertThat(ledger.find(ZZ, List.of("D-1")).get("D-1").remaining()).isEqualTo(Money.cents(2_000));
        // one insurer never learns of another's declaration
        assertThat(ledger.find(new InsurerCode("4000"), List.of("D-1"))).isEmpty();
    }

    @Test
    void anIdAcceptedTwiceByOneInsurerFailsTheWholeTransaction() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027), agreed("B-2027", VGZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 1_000, "p-aap", false));

        // the primary key is the last line of defence when two ceilings of one insurer accept an id at once
        assertThatThrownBy(() -> DB.handle(ledger, recorded("B-2027", "D-2", 1_000, "p-aap", false),
                recorded("B-2027", "D-1", 1_000, "p-aap", false))).isInstanceOf(DuplicateKeyException.class);

        assertThat(DB.jdbc().queryForList("SELECT declaration_id || '@' || ceiling_id FROM declaration_ledger",
                String.class)).containsExactly("D-1@A-2027");
    }

    @Test
    void whatItsOwnTransactionRecordedIsFoundBeforeItCommits() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));

        Map<String, LedgerEntry> found = DB.inTransaction(() -> {
            DB.handle(ledger, recorded("A-2027", "D-1", 1_000, "p-aap", false));
            return ledger.find(VGZ, List.of("D-1"));
        });

        assertThat(found).containsKey("D-1");
    }

    @Test
    void aCreditInTheTransactionOfItsDeclarationIsAppliedAfterIt() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 10_000, "p-aap", false),
                credited("A-2027", "D-1-credit", "D-1", 4_000));

        assertThat(DB.jdbc().queryForObject("SELECT credited_cents FROM declaration_ledger WHERE declaration_id = 'D-1'",
                Long.class)).isEqualTo(4_000);
        assertThat(ledger.find(VGZ, List.of("D-1", "D-1-credit"))).containsOnly(
                Map.entry("D-1", new LedgerEntry("D-1", "A-2027", Money.cents(6_000), false)),
                // a credit is a line of its own, with a negative amount, that nothing can be taken off
                Map.entry("D-1-credit", new LedgerEntry("D-1-credit", "A-2027", Money.cents(-4_000), true)));
    }

    @Test
    void aClawBackTakesEachShareOffTheDeclarationItNames() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 10_000, "p-aap", false),
                recorded("A-2027", "D-2", 5_000, "p-noot", false));
        DB.handle(ledger, new ClawBackIssued("A-2027", "K-1", Money.cents(7_000), "not delivered",
                List.of(new ClawBackShare("D-1", Money.cents(2_000)), new ClawBackShare("D-2", Money.cents(5_000))),
                Instant.parse("2027-06-01T09:00:00Z")));

        Map<String, LedgerEntry> found = ledger.find(VGZ, List.of("D-1", "D-2"));
        assertThat(found.get("D-1").remaining()).isEqualTo(Money.cents(8_000));
        assertThat(found.get("D-2").remaining()).isEqualTo(Money.ZERO);
    }

    @Test
    void aLedgerStartedAfreshFindsACeilingsInsurerInItsOwnTableNotInAReadModel() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        // after a restart: nothing remembered, and the read model's ceiling_state holds nothing
        PostgresDeclarationLedger restarted = new PostgresDeclarationLedger(DB.jdbc(), pseudonyms);
        DB.jdbc().update("TRUNCATE ceiling_state");

        DB.handle(restarted, recorded("A-2027", "D-1", 1_000, "p-aap", false));

        assertThat(DB.jdbc().queryForObject(
                "SELECT insurer_uzovi || ' ' || contract_year FROM declaration_ledger WHERE declaration_id = 'D-1'",
                String.class)).isEqualTo("3311 2027");
    }

    @Test
    void supplementsAreCountedPerPersonAcrossTheInsurersCeilingsOfTheYear() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027), agreed("B-2027", VGZ, 2027), agreed("A-2028", VGZ, 2028),
                agreed("Z-2027", ZZ, 2027));
        DB.handle(ledger,
                // p-aap: a supplement on each of two ceilings of the insurer's year
                recorded("A-2027", "S-1", 5_000, "p-aap", true), recorded("B-2027", "S-2", 5_000, "p-aap", true),
                // not counted: another year, another insurer, not a supplement
                recorded("A-2028", "S-3", 5_000, "p-aap", true), recorded("Z-2027", "S-4", 5_000, "p-aap", true),
                recorded("A-2027", "N-1", 5_000, "p-aap", false),
                // p-noot's supplement was credited in full, p-mies's reclaimed in part
                recorded("A-2027", "S-5", 5_000, "p-noot", true), credited("A-2027", "S-5-credit", "S-5", 5_000),
                recorded("A-2027", "S-6", 5_000, "p-mies", true));
        DB.handle(ledger, new ClawBackIssued("A-2027", "K-1", Money.cents(1_000), "double",
                List.of(new ClawBackShare("S-6", Money.cents(1_000))), Instant.parse("2027-06-01T09:00:00Z")));

        Map<String, Integer> charged = DB.inTransaction(
                () -> ledger.supplementsCharged(VGZ, 2027, List.of(hash(VGZ, "p-aap"), hash(VGZ, "p-noot"),
                        hash(VGZ, "p-mies"), hash(VGZ, "p-wim"))));

        assertThat(charged).isEqualTo(Map.of(hash(VGZ, "p-aap"), 2, hash(VGZ, "p-mies"), 1));
    }

    /** Issue 16: the ledger holds the sealed pseudonym and its keyed hash, never the plain pseudonym. */
    @Test
    void theLedgerHoldsThePseudonymSealedNeverPlain() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 1_000, "p-aap", false));

        Map<String, Object> row = DB.jdbc().queryForMap("SELECT * FROM declaration_ledger WHERE declaration_id = 'D-1'");
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains("p-aap"));
        SealedPseudonym stored = SealedPseudonym.sealed((String) row.get("patient_sealed"),
                (String) row.get("patient_hash"));
        assertThat(pseudonyms.open(VGZ, List.of(stored)).get(stored).patientRef()).isEqualTo("p-aap");
    }

    /** Issue 16: a declaration stored before sealing, read again, is sealed before it reaches the ledger. */
    @Test
    void aLegacyPlainDeclarationIsSealedInTheLedger() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        DB.handle(ledger, new DeclarationRecorded("A-2027", "D-1", new PrestatieCode("CO0427"), new Setting(2), CARE,
                SealedPseudonym.legacy("p-aap"), Money.cents(5_000), Money.cents(5_000), Money.ZERO, true));

        assertThat(DB.jdbc().queryForObject("SELECT patient_hash FROM declaration_ledger WHERE declaration_id = 'D-1'",
                String.class)).isEqualTo(hash(VGZ, "p-aap"));
        assertThat(DB.inTransaction(() -> ledger.supplementsCharged(VGZ, 2027, List.of(hash(VGZ, "p-aap")))))
                .isEqualTo(Map.of(hash(VGZ, "p-aap"), 1));
    }

    /** Issue 16: what an erasure affects: the insurer's declarations of the person per ceiling, credits not counted. */
    @Test
    void thePersonsDeclarationsAreCountedPerCeilingForAnErasure() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027), agreed("B-2027", VGZ, 2027), agreed("Z-2027", ZZ, 2027));
        DB.handle(ledger, recorded("A-2027", "D-1", 1_000, "p-aap", false),
                recorded("A-2027", "D-2", 1_000, "p-aap", true), credited("A-2027", "D-2-credit", "D-2", 1_000),
                recorded("B-2027", "D-3", 1_000, "p-aap", false), recorded("B-2027", "D-4", 1_000, "p-noot", false),
                recorded("Z-2027", "D-5", 1_000, "p-aap", false));

        assertThat(DB.inTransaction(() -> ledger.declarationsPerCeiling(VGZ, hash(VGZ, "p-aap"))))
                .isEqualTo(new java.util.TreeMap<>(Map.of("A-2027", 2, "B-2027", 1)));
    }

    private String hash(InsurerCode insurer, String patientRef) {
        return pseudonyms.keyedHash(insurer, patientRef).orElseThrow();
    }

    @Test
    void theLatestTreatmentDateAcceptedOnAContractsCeilingsIsKeptForItsTermination() {
        // issue 14: a termination never takes effect before care already accepted
        DB.handle(ledger, agreed("A-2027", VGZ, 2027), agreed("A-2028", VGZ, 2028), agreed("B-2027", VGZ, 2027));
        DB.handle(ledger, recordedOn("A-2027", "D-1", LocalDate.of(2027, 5, 14)),
                recordedOn("A-2027", "D-2", LocalDate.of(2027, 3, 2)),
                recordedOn("B-2027", "D-3", LocalDate.of(2027, 11, 30)));
        // a credit leaves the date: the care was accepted
        DB.handle(ledger, credited("A-2027", "D-1-credit", "D-1", 1_000));

        assertThat(DB.inTransaction(() -> ledger.latestTreatmentDate(List.of("A-2027", "A-2028"))))
                .contains(LocalDate.of(2027, 5, 14));
        assertThat(DB.inTransaction(() -> ledger.latestTreatmentDate(List.of("A-2028")))).isEmpty();
        assertThat(DB.inTransaction(() -> ledger.latestTreatmentDate(List.of("no-such-ceiling")))).isEmpty();
    }

    @Test
    void theLatestTreatmentDateOfItsOwnTransactionIsFoundBeforeItCommits() {
        DB.handle(ledger, agreed("A-2027", VGZ, 2027));
        LocalDate found = DB.inTransaction(() -> {
            DB.handle(ledger, recordedOn("A-2027", "D-1", LocalDate.of(2027, 8, 1)));
            return ledger.latestTreatmentDate(List.of("A-2027")).orElseThrow();
        });
        assertThat(found).isEqualTo(LocalDate.of(2027, 8, 1));
    }

    private DeclarationRecorded recordedOn(String ceilingId, String declarationId, LocalDate treatmentDate) {
        return new DeclarationRecorded(ceilingId, declarationId, new PrestatieCode("CO0142"), new Setting(2),
                treatmentDate, sealed(ceilingId, "p-aap"), Money.cents(1_000), Money.cents(1_000), Money.ZERO, false);
    }

    /** Sealed by the ceiling's insurer (the tests' Z- ceilings are Zorg en Zekerheid's), as the aggregate seals. */
    private SealedPseudonym sealed(String ceilingId, String patientRef) {
        InsurerCode insurer = ceilingId.startsWith("Z-") ? ZZ : VGZ;
        return pseudonyms.seal(insurer, List.of(patientRef)).get(patientRef);
    }

    private static CeilingAgreed agreed(String ceilingId, InsurerCode insurer, int year) {
        String contractId = ceilingId.substring(0, ceilingId.lastIndexOf('-'));
        return new CeilingAgreed(ceilingId, contractId, insurer, new ProviderCode("94001234"), ProviderType.INSTITUTION,
                ContractKind.DIGITAL, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Money.cents(1_000_000), Set.of(new Setting(2)), Set.of(), Set.of());
    }

    private DeclarationRecorded recorded(String ceilingId, String declarationId, long cents, String patientRef,
                                         boolean supplement) {
        return new DeclarationRecorded(ceilingId, declarationId, new PrestatieCode(supplement ? "CO0427" : "CO0142"),
                new Setting(2), CARE, sealed(ceilingId, patientRef), Money.cents(cents), Money.cents(cents), Money.ZERO, supplement);
    }

    private static DeclarationCredited credited(String ceilingId, String declarationId, String corrects, long cents) {
        return new DeclarationCredited(ceilingId, declarationId, corrects, new PrestatieCode("CO0142"), CARE,
                Money.cents(cents), Money.cents(cents), Money.ZERO);
    }
}
