package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.privacy.InMemoryPatientPseudonyms;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static nl.ggz.contracts.domain.support.Satisfying.satisfying;

/**
 * A 2027 ceiling of €10,000 (1,000,000 cents) on contract c-1 covering settings 2 and 3, with the ports its
 * handlers take: the policies (defaults), the declaration ledger (seeded from the given events) and the catalogue.
 */
abstract class CeilingFixtureBase {

    static final String CONTRACT_ID = "c-1";
    static final String CEILING_ID = "c-1-2027";
    static final String OTHER_CEILING_ID = "c-1-2028";
    static final InsurerCode INSURER = new InsurerCode("3311");
    static final ProviderCode PROVIDER = new ProviderCode("94001234");
    static final Money INITIAL = Money.cents(1_000_000);
    static final Instant RECEIVED_AT = Instant.parse("2027-06-01T10:00:00Z");
    static final LocalDate CARE_DATE = LocalDate.of(2027, 3, 1);
    static final PrestatieCode PRESTATIE = new PrestatieCode("CO0142");
    static final String PATIENT = "p-7f3a9c";
    static final PrestatieCode SUPPLEMENT = FakePrestatieCatalogue.SUPPLEMENT;

    AggregateTestFixture<CeilingAgreement> fixture;
    InMemoryDeclarationLedger ledger;
    InMemoryPatientPseudonyms pseudonyms;
    FakePurchasingPolicies policies;

    @BeforeEach
    void setUpFixture() {
        fixture = new AggregateTestFixture<>(CeilingAgreement.class);
        ledger = new InMemoryDeclarationLedger();
        policies = new FakePurchasingPolicies();
        pseudonyms = new InMemoryPatientPseudonyms();
        fixture.registerInjectableResource(ledger);
        fixture.registerInjectableResource(pseudonyms);
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource(new FakePrestatieCatalogue());
    }

    /** Given these events, with the ledger holding what they wrote. */
    TestExecutor<CeilingAgreement> given(Object... events) {
        return fixture.given(ledger.recording(events));
    }

    static CeilingAgreed agreed() {
        return agreed(settings(2, 3));
    }

    static CeilingAgreed agreed(Set<Setting> settings) {
        return new CeilingAgreed(CEILING_ID, CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                ContractKind.DIGITAL, 2027, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), INITIAL, settings,
                Set.of(), Set.of());
    }

    static Set<Setting> settings(int... numbers) {
        Set<Setting> set = new TreeSet<>();
        for (int n : numbers) {
            set.add(new Setting(n));
        }
        return Set.copyOf(set);
    }

    static DeclarationLine line(String id, long cents) {
        return new DeclarationLine(id, CARE_DATE, new Setting(2), PRESTATIE, PATIENT, Money.cents(cents), null);
    }

    static DeclarationLine line(String id, LocalDate date, int setting, PrestatieCode prestatie, String patient,
                                long cents) {
        return new DeclarationLine(id, date, new Setting(setting), prestatie, patient, Money.cents(cents), null);
    }

    static DeclarationLine creditLine(String id, String corrects, long cents) {
        return new DeclarationLine(id, CARE_DATE, new Setting(2), PRESTATIE, PATIENT, Money.cents(-cents), corrects);
    }

    static RecordDeclarations batch(DeclarationLine... lines) {
        return new RecordDeclarations(CEILING_ID, List.of(lines), RECEIVED_AT);
    }

    static DeclarationRecorded recorded(String id, long amount, long payable, long unpaid) {
        return new DeclarationRecorded(CEILING_ID, id, PRESTATIE, new Setting(2), CARE_DATE, sealed(PATIENT),
                Money.cents(amount),
                Money.cents(payable), Money.cents(unpaid), false);
    }

    static DeclarationRecorded recorded(DeclarationLine line, long payable, long unpaid, boolean supplement) {
        return new DeclarationRecorded(CEILING_ID, line.declarationId(), line.prestatieCode(), line.setting(),
                line.treatmentDate(), sealed(line.patientRef()), line.amount(), Money.cents(payable), Money.cents(unpaid),
                supplement);
    }

    static DeclarationRecorded supplementRecorded(String id, String patient) {
        return new DeclarationRecorded(CEILING_ID, id, SUPPLEMENT, new Setting(2), CARE_DATE, sealed(patient),
                Money.cents(5_000),
                Money.cents(5_000), Money.ZERO, true);
    }

    /** The pseudonym as the ceiling's insurer seals it (issue 16: never stored plain). */
    static SealedPseudonym sealed(String patientRef) {
        return InMemoryPatientPseudonyms.sealedOf(INSURER, patientRef);
    }

    static DeclarationCredited credited(String id, String corrects, long amount, long payableReduction,
                                        long unpaidReduction) {
        return new DeclarationCredited(CEILING_ID, id, corrects, PRESTATIE, CARE_DATE, Money.cents(amount),
                Money.cents(payableReduction), Money.cents(unpaidReduction));
    }

    static DeclarationReduced reduced(String id, PayableChangeCause cause, String causeId, long payableReduction,
                                      long heldReduction) {
        return new DeclarationReduced(CEILING_ID, id, cause, causeId, Money.cents(payableReduction),
                Money.cents(heldReduction));
    }

    /** Released amounts, as declaration id and cents pairs: {@code released(cause, causeId, "D-1", 100L, "D-2", 50L)}. */
    static HeldDeclarationsReleased released(PayableChangeCause cause, String causeId, Object... idsAndCents) {
        List<DeclarationRelease> releases = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndCents.length; i += 2) {
            releases.add(new DeclarationRelease((String) idsAndCents[i], Money.cents(((Number) idsAndCents[i + 1]).longValue())));
        }
        return new HeldDeclarationsReleased(CEILING_ID, cause, causeId, releases);
    }

    static CeilingThresholdReached threshold(int percent, long counted, long ceiling, String by) {
        return new CeilingThresholdReached(CEILING_ID, percent, Money.cents(counted), Money.cents(ceiling), by);
    }

    static CeilingExhausted exhausted(long counted, long ceiling, String by) {
        return new CeilingExhausted(CEILING_ID, Money.cents(counted), Money.cents(ceiling), by);
    }

    static DeclarationOutcome accepted(String id, long payable, long unpaid) {
        return DeclarationOutcome.accepted(id, CEILING_ID, Money.cents(payable), Money.cents(unpaid));
    }

    static Matcher<List<DeclarationOutcome>> outcomes(Consumer<List<DeclarationOutcome>> assertions) {
        return satisfying(assertions);
    }
}
