package nl.ggz.contracts.eventstore.stored;

import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.ContractAmendmentApplied;
import nl.ggz.contracts.domain.ceiling.ContractTerminationApplied;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.ceiling.PayableChangeCause;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseCriterion;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ceiling's events as the application stored them (JSON copied from it): before events carried a revision, and now. */
class CeilingEventsStoredTest extends StoredEventTest {

    private static final String CEILING = "c-1-2027";

    @Test
    void ceilingAgreedStoredWithoutRevisionLoadsWithNothingLeftOut() {
        String stored = """
                {"ceilingId":"c-1-2027","contractId":"c-1","insurer":"3311","provider":"94001234",\
                "providerType":"INSTITUTION","kind":"DIGITAL","year":2027,"periodStart":"2027-01-01",\
                "periodEnd":"2027-12-31","initialCeiling":250000000,"settings":[2,3]}""";
        CeilingAgreed event = new CeilingAgreed(CEILING, "c-1", new InsurerCode("3311"), new ProviderCode("94001234"),
                ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31), Money.cents(250_000_000),
                new TreeSet<>(List.of(new Setting(2), new Setting(3))), Set.of(), Set.of());

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void ceilingAgreedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","contractId":"c-1","insurer":"3311","provider":"94001234",\
                "providerType":"INSTITUTION","kind":"DIGITAL","year":2027,"periodStart":"2027-07-01",\
                "periodEnd":"2027-12-31","initialCeiling":250000000,"settings":[2,3],\
                "excludedPrestatieCodes":["GR0110"],"excludedSettings":[3]}""";
        CeilingAgreed event = new CeilingAgreed(CEILING, "c-1", new InsurerCode("3311"), new ProviderCode("94001234"),
                ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, LocalDate.of(2027, 7, 1),
                LocalDate.of(2027, 12, 31), Money.cents(250_000_000),
                new TreeSet<>(List.of(new Setting(2), new Setting(3))), Set.of(new PrestatieCode("GR0110")),
                Set.of(new Setting(3)));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    /** Issue 16: stored before pseudonyms were sealed, the plain pseudonym stays and reads as legacy plain. */
    @Test
    void declarationRecordedStoredWithoutRevisionLoadsWithItsPlainPseudonymMarkedLegacy() {
        String stored = """
                {"ceilingId":"c-1-2027","declarationId":"ZPM-000001","prestatieCode":"CO0142","setting":2,\
                "treatmentDate":"2027-03-01","patientRef":"p-7f3a9c","amount":15230,"payable":10000,"unpaid":5230,\
                "psychodiagnosticsSupplement":false}""";
        DeclarationRecorded event = new DeclarationRecorded(CEILING, "ZPM-000001", new PrestatieCode("CO0142"),
                new Setting(2), LocalDate.of(2027, 3, 1), SealedPseudonym.legacy("p-7f3a9c"), Money.cents(15_230),
                Money.cents(10_000), Money.cents(5_230), false);

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    /** Issue 16: revision 2 holds the pseudonym sealed (ciphertext and keyed hash), never plain. */
    @Test
    void declarationRecordedStoredAsRevision2LoadsWithItsSealedPseudonym() {
        String stored = """
                {"ceilingId":"c-1-2027","declarationId":"ZPM-000001","prestatieCode":"CO0142","setting":2,\
                "treatmentDate":"2027-03-01","patient":{"ciphertext":"q83vEjRWeJASNFZ4kBI0VnhrZXkgYW5kIHRhZw",\
                "keyedHash":"3q2-7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc"},"amount":15230,"payable":10000,\
                "unpaid":5230,"psychodiagnosticsSupplement":true}""";
        DeclarationRecorded event = new DeclarationRecorded(CEILING, "ZPM-000001", new PrestatieCode("CO0142"),
                new Setting(2), LocalDate.of(2027, 3, 1),
                SealedPseudonym.sealed("q83vEjRWeJASNFZ4kBI0VnhrZXkgYW5kIHRhZw",
                        "3q2-7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc"),
                Money.cents(15_230), Money.cents(10_000), Money.cents(5_230), true);

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void declarationCreditedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","declarationId":"ZPM-000002","correctsDeclarationId":"ZPM-000001",\
                "prestatieCode":"CO0142","treatmentDate":"2027-03-01","amount":6000,"payableReduction":770,\
                "unpaidReduction":5230}""";
        DeclarationCredited event = new DeclarationCredited(CEILING, "ZPM-000002", "ZPM-000001",
                new PrestatieCode("CO0142"), LocalDate.of(2027, 3, 1), Money.cents(6_000), Money.cents(770),
                Money.cents(5_230));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void ceilingThresholdReachedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","percent":70,"counted":175000000,"ceiling":250000000,\
                "byDeclarationId":"ZPM-004711"}""";
        CeilingThresholdReached event = new CeilingThresholdReached(CEILING, 70, Money.cents(175_000_000),
                Money.cents(250_000_000), "ZPM-004711");

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void ceilingExhaustedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","counted":250010000,"ceiling":250000000,"byDeclarationId":"ZPM-009999"}""";
        CeilingExhausted event = new CeilingExhausted(CEILING, Money.cents(250_010_000), Money.cents(250_000_000),
                "ZPM-009999");

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void increaseRequestedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-1","amount":30000000,"grounds":"waiting lists of 12 weeks",\
                "requestedAt":"2027-05-03T08:00:00Z","decisionDueAt":"2027-05-31T08:00:00Z"}""";
        // a request stored before criteria existed names none
        IncreaseRequested event = new IncreaseRequested(CEILING, "R-1", Money.cents(30_000_000),
                "waiting lists of 12 weeks", List.of(), Instant.parse("2027-05-03T08:00:00Z"),
                Instant.parse("2027-05-31T08:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void increaseRequestedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-1","amount":30000000,"grounds":"wachtlijst 18 weken",\
                "criteria":["WAITING_TIMES","NO_ALTERNATIVE_CARE"],"requestedAt":"2027-05-03T09:00:00Z",\
                "decisionDueAt":"2027-05-31T22:00:00Z"}""";
        IncreaseRequested event = new IncreaseRequested(CEILING, "R-1", Money.cents(30_000_000),
                "wachtlijst 18 weken", List.of(IncreaseCriterion.WAITING_TIMES, IncreaseCriterion.NO_ALTERNATIVE_CARE),
                Instant.parse("2027-05-03T09:00:00Z"), Instant.parse("2027-05-31T22:00:00Z"));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void increaseInformationRequestedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-1","question":"wachttijden per locatie",\
                "requestedAt":"2027-05-10T12:00:00Z"}""";
        IncreaseInformationRequested event = new IncreaseInformationRequested(CEILING, "R-1",
                "wachttijden per locatie", Instant.parse("2027-05-10T12:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void increaseRequestCompletedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-1","information":"overzicht bijgevoegd",\
                "completedAt":"2027-05-24T14:30:00Z","decisionDueAt":"2027-06-21T22:00:00Z"}""";
        IncreaseRequestCompleted event = new IncreaseRequestCompleted(CEILING, "R-1", "overzicht bijgevoegd",
                Instant.parse("2027-05-24T14:30:00Z"), Instant.parse("2027-06-21T22:00:00Z"));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void increaseApprovedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-1","amount":25000000,"addendumId":"A-1",\
                "decidedAt":"2027-05-20T10:00:00Z"}""";
        IncreaseApproved event = new IncreaseApproved(CEILING, "R-1", Money.cents(25_000_000), "A-1",
                Instant.parse("2027-05-20T10:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void increaseRejectedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-2","grounds":"no waiting list",\
                "decidedAt":"2027-06-02T10:00:00Z"}""";
        // a rejection stored before reasons existed names none
        IncreaseRejected event = new IncreaseRejected(CEILING, "R-2", "no waiting list", List.of(),
                Instant.parse("2027-06-02T10:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void increaseRejectedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-2","grounds":"twee aanbieders in de regio met ruimte",\
                "reasons":["ALTERNATIVE_CARE_AVAILABLE","DUTY_OF_CARE_MET"],"decidedAt":"2027-06-02T10:00:00Z"}""";
        IncreaseRejected event = new IncreaseRejected(CEILING, "R-2", "twee aanbieders in de regio met ruimte",
                List.of(RejectionReason.ALTERNATIVE_CARE_AVAILABLE, RejectionReason.DUTY_OF_CARE_MET),
                Instant.parse("2027-06-02T10:00:00Z"));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void increaseDecisionOverdueStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","requestId":"R-3","decisionDueAt":"2027-06-28T08:00:00Z"}""";
        IncreaseDecisionOverdue event = new IncreaseDecisionOverdue(CEILING, "R-3",
                Instant.parse("2027-06-28T08:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void addendumOfferedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","addendumId":"A-1","requestId":"R-1","amount":25000000,\
                "offeredAt":"2027-05-20T10:00:00Z"}""";
        AddendumOffered event = new AddendumOffered(CEILING, "A-1", "R-1", Money.cents(25_000_000),
                Instant.parse("2027-05-20T10:00:00Z"));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void addendumSignedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","addendumId":"A-1","signedBy":"J. de Vries (director)",\
                "signedAt":"2027-05-22T14:00:00Z","amount":25000000,"previousCeiling":250000000,\
                "newCeiling":275000000,"released":10000}""";
        AddendumSigned event = new AddendumSigned(CEILING, "A-1", "J. de Vries (director)",
                Instant.parse("2027-05-22T14:00:00Z"), Money.cents(25_000_000), Money.cents(250_000_000),
                Money.cents(275_000_000), Money.cents(10_000));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void clawBackIssuedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","clawBackId":"CB-1","amount":20000,"reason":"care not delivered",\
                "shares":[{"declarationId":"ZPM-000001","amount":15230},{"declarationId":"ZPM-000003",\
                "amount":4770}],"issuedAt":"2027-09-01T10:00:00Z"}""";
        // stored before claw-backs were split: answered then as reclaimed in full, before any settlement
        ClawBackIssued event = new ClawBackIssued(CEILING, "CB-1", Money.cents(20_000), "care not delivered",
                List.of(new ClawBackShare("ZPM-000001", Money.cents(15_230)),
                        new ClawBackShare("ZPM-000003", Money.cents(4_770))),
                Instant.parse("2027-09-01T10:00:00Z"), Money.cents(20_000), Money.ZERO, false);

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void clawBackIssuedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","clawBackId":"CB-2","amount":20000,"reason":"dubbele declaratie",\
                "shares":[{"declarationId":"ZPM-000001","amount":20000}],"issuedAt":"2028-04-01T10:00:00Z",\
                "payableReduction":5000,"unpaidReduction":15000,"afterSettlement":true}""";
        ClawBackIssued event = new ClawBackIssued(CEILING, "CB-2", Money.cents(20_000), "dubbele declaratie",
                List.of(new ClawBackShare("ZPM-000001", Money.cents(20_000))), Instant.parse("2028-04-01T10:00:00Z"),
                Money.cents(5_000), Money.cents(15_000), true);

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void ceilingThresholdsClearedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","addendumId":"A-1","percents":[70,100],"exhaustionCleared":true,\
                "counted":250000000,"ceiling":375000000}""";
        CeilingThresholdsCleared event = new CeilingThresholdsCleared(CEILING, "A-1", List.of(70, 100), true,
                Money.cents(250_000_000), Money.cents(375_000_000));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void ceilingSettledStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","settledAt":"2028-03-15T10:00:00Z","initialCeiling":250000000,\
                "ceiling":275000000,"declared":281000000,"payable":275000000,"unpaid":4000000,\
                "clawedBack":1000000,"withdrawnUnpaid":1000000}""";
        CeilingSettled event = new CeilingSettled(CEILING, Instant.parse("2028-03-15T10:00:00Z"),
                Money.cents(250_000_000), Money.cents(275_000_000), Money.cents(281_000_000),
                Money.cents(275_000_000), Money.cents(4_000_000), Money.cents(1_000_000), Money.cents(1_000_000));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void contractAmendmentAppliedStoredWithoutRevisionLoadsAsHoldingFromTheStart() {
        String stored = """
                {"ceilingId":"c-1-2027","excludedPrestatieCodes":["CO0142"],"excludedSettings":[3]}""";
        // stored before amendments had a date: it holds from the start (effectiveDate null)
        ContractAmendmentApplied event = new ContractAmendmentApplied(CEILING, Set.of(new PrestatieCode("CO0142")),
                Set.of(new Setting(3)), null);

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void contractAmendmentAppliedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","excludedPrestatieCodes":["CO0142"],"excludedSettings":[],\
                "effectiveDate":"2027-05-01"}""";
        ContractAmendmentApplied event = new ContractAmendmentApplied(CEILING, Set.of(new PrestatieCode("CO0142")),
                Set.of(), LocalDate.of(2027, 5, 1));

        assertLoads(stored, "2", event);
        assertWritten(event, "2", stored);
    }

    @Test
    void contractTerminationAppliedStoredWithoutRevisionLoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","lastCareDate":"2027-06-30"}""";
        ContractTerminationApplied event = new ContractTerminationApplied(CEILING, LocalDate.of(2027, 6, 30));

        assertLoads(stored, NO_REVISION, event);
        assertWritten(event, "1", stored);
    }

    @Test
    void heldDeclarationsReleasedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","cause":"ADDENDUM_SIGNED","causeId":"a-1",\
                "releases":[{"declarationId":"ZPM-000001","amount":5230},{"declarationId":"ZPM-000002","amount":100}]}""";
        HeldDeclarationsReleased event = new HeldDeclarationsReleased(CEILING, PayableChangeCause.ADDENDUM_SIGNED, "a-1",
                List.of(new DeclarationRelease("ZPM-000001", Money.cents(5230)),
                        new DeclarationRelease("ZPM-000002", Money.cents(100))));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }

    @Test
    void declarationReducedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"ceilingId":"c-1-2027","declarationId":"ZPM-000001","cause":"CLAW_BACK","causeId":"cb-1",\
                "payableReduction":1000,"heldReduction":230}""";
        DeclarationReduced event = new DeclarationReduced(CEILING, "ZPM-000001", PayableChangeCause.CLAW_BACK, "cb-1",
                Money.cents(1000), Money.cents(230));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }
}
