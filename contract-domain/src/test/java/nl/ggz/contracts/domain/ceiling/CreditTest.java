package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Credits (negative amounts) of accepted declarations: DESIGN §5, "never more than what is left of it". */
class CreditTest extends CeilingFixtureBase {

    private static void rejected(List<DeclarationOutcome> results, String id, String reasonPart) {
        assertThat(results).singleElement().satisfies(o -> {
            assertThat(o.declarationId()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
            assertThat(o.reason()).contains(reasonPart);
        });
    }

    @Test
    void creditReducesWhatWasDeclaredAndPayable() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("C-1", "D-1", 200_000)))
                .expectEvents(credited("C-1", "D-1", 200_000, 200_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 200_000, 0))
                .expectResultMessagePayload(List.of(accepted("C-1", -200_000, 0)));
    }

    @Test
    void creditMakesRoomUnderTheCeilingForLaterDeclarations() {
        // after the credit 300,000 is counted, so 700,000 of the next 800,000 is payable
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("C-1", "D-1", 200_000), line("D-2", 800_000)))
                .expectEvents(credited("C-1", "D-1", 200_000, 200_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 200_000, 0),
                        recorded("D-2", 800_000, 700_000, 100_000),
                        threshold(70, 1_100_000, 1_000_000, "D-2"),
                        threshold(100, 1_100_000, 1_000_000, "D-2"),
                        exhausted(1_100_000, 1_000_000, "D-2"));
    }

    @Test
    void creditAboveTheCeilingReducesTheUnpaidPartFirst() {
        // counted 1,200,000 on a 1,000,000 ceiling: a credit of 300,000 takes 200,000 unpaid and 100,000 payable
        given(agreed(), recorded("D-1", 800_000, 800_000, 0), threshold(70, 800_000, 1_000_000, "D-1"),
                recorded("D-2", 400_000, 200_000, 200_000), threshold(100, 1_200_000, 1_000_000, "D-2"),
                exhausted(1_200_000, 1_000_000, "D-2"))
                .when(batch(creditLine("C-1", "D-1", 300_000)))
                .expectEvents(credited("C-1", "D-1", 300_000, 100_000, 200_000),
                        // per declaration: D-1 was paid in full, so its 300,000 comes off what is payable of it, and
                        // the room that frees pays out the 200,000 held of D-2 (seed 001)
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 300_000, 0),
                        released(PayableChangeCause.CREDIT, "C-1", "D-2", 200_000))
                .expectResultMessagePayload(List.of(accepted("C-1", -100_000, -200_000)));
    }

    @Test
    void creditMustNameTheDeclarationItCorrects() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("C-1", null, 100_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-1", "correctsDeclarationId")));
    }

    @Test
    void creditNamingNothingIsRefusedEvenUnderTheIdOfAnAcceptedDeclaration() {
        // the credit rule is judged before the id is looked up: a malformed line is no repeat of an accepted one
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("D-1", null, 100_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "correctsDeclarationId")));
    }

    @Test
    void creditOfAnUnknownDeclarationIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("C-1", "D-9", 100_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-1", "not an accepted declaration")));
    }

    @Test
    void creditOfADeclarationOnAnotherCeilingIsRefused() {
        ledger.put(INSURER, new LedgerEntry("D-2028", OTHER_CEILING_ID, Money.cents(100_000), false));
        given(agreed())
                .when(batch(creditLine("C-1", "D-2028", 50_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-1", CEILING_ID)));
    }

    @Test
    void creditOfAnotherInsurersDeclarationOfTheSameIdIsRefusedAsUnknown() {
        ledger.put(new InsurerCode("9664"), new LedgerEntry("D-7", "their-contract-2027", Money.cents(100_000), false));
        given(agreed())
                .when(batch(creditLine("C-1", "D-7", 50_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-1",
                        "declaration D-7 is not an accepted declaration on ceiling " + CEILING_ID)));
    }

    @Test
    void creditOfACreditIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 100_000, 100_000, 0))
                .when(batch(creditLine("C-2", "C-1", 50_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-2", "not an accepted declaration")));
    }

    @Test
    void creditNeverExceedsWhatIsLeftOfTheDeclaration() {
        // 500,000 declared, 400,000 credited before: 100,000 is left
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 400_000, 400_000, 0))
                .when(batch(creditLine("C-2", "D-1", 100_001)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "C-2", "left of declaration D-1")));
    }

    @Test
    void creditOfExactlyWhatIsLeftIsAccepted() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 400_000, 400_000, 0))
                .when(batch(creditLine("C-2", "D-1", 100_000)))
                .expectEvents(credited("C-2", "D-1", 100_000, 100_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-2", 100_000, 0));
    }

    @Test
    void creditsWithinOneBatchTogetherNeverExceedTheDeclaration() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(batch(creditLine("C-1", "D-1", 300_000), creditLine("C-2", "D-1", 300_000)))
                .expectEvents(credited("C-1", "D-1", 300_000, 300_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 300_000, 0))
                .expectResultMessagePayloadMatching(outcomes(r -> {
                    assertThat(r).extracting(DeclarationOutcome::status)
                            .containsExactly(DeclarationStatus.ACCEPTED, DeclarationStatus.REJECTED);
                    assertThat(r.get(1).reason()).contains("left of declaration D-1", Money.cents(200_000).toString());
                }));
    }

    @Test
    void declarationAcceptedEarlierInTheBatchCanBeCreditedInTheSameBatch() {
        given(agreed())
                .when(batch(line("D-1", 100_000), creditLine("C-1", "D-1", 40_000)))
                .expectEvents(recorded("D-1", 100_000, 100_000, 0), credited("C-1", "D-1", 40_000, 40_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 40_000, 0))
                .expectResultMessagePayload(List.of(accepted("D-1", 100_000, 0), accepted("C-1", -40_000, 0)));
    }

    @Test
    void repeatedCreditIsAnsweredDuplicate() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 100_000, 100_000, 0))
                .when(batch(creditLine("C-1", "D-1", 100_000)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(DeclarationOutcome.duplicate("C-1", CEILING_ID)));
    }

    @Test
    void supplementCreditedInFullNoLongerCountsTowardsTheLimit() {
        // seed 002 §5.2 (twice a year) counts supplements charged, not ones taken back in full
        DeclarationLine third = line("S-3", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000);
        given(agreed(), supplementRecorded("S-1", PATIENT), supplementRecorded("S-2", PATIENT),
                credited("C-1", "S-1", 5_000, 5_000, 0))
                .when(batch(third))
                .expectEvents(recorded(third, 5_000, 0, true));
    }

    @Test
    void creditKeepsTheTreatmentDateAndPrestatieOfTheCreditLine() {
        DeclarationLine credit = new DeclarationLine("C-1", LocalDate.of(2027, 2, 1), new Setting(2), new PrestatieCode("OV0012"), PATIENT,
                Money.cents(-1_000), "D-1");
        given(agreed(), recorded("D-1", 5_000, 5_000, 0))
                .when(batch(credit))
                .expectEvents(new DeclarationCredited(CEILING_ID, "C-1", "D-1", new PrestatieCode("OV0012"), LocalDate.of(2027, 2, 1),
                        Money.cents(1_000), Money.cents(1_000), Money.ZERO),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 1_000, 0));
    }

    @Test
    void aCreditOfAPaidDeclarationReleasesWhatIsHeldOfADeclarationOfTheSameBatch() {
        // the ceiling is full; D-2 comes in held, then a credit of 100,000 on D-1 makes room that pays out 100,000 of
        // D-2 (seed 001: held declarations move up in the order declared), in the same transaction
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), threshold(70, 1_000_000, 1_000_000, "D-1"),
                threshold(100, 1_000_000, 1_000_000, "D-1"), exhausted(1_000_000, 1_000_000, "D-1"))
                .when(batch(line("D-2", 300_000), creditLine("C-1", "D-1", 100_000)))
                .expectEvents(recorded("D-2", 300_000, 0, 300_000),
                        credited("C-1", "D-1", 100_000, 0, 100_000),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 100_000, 0),
                        released(PayableChangeCause.CREDIT, "C-1", "D-2", 100_000));
    }

    @Test
    void aCreditOfAHeldDeclarationTakesItsOwnHeldPartAndReleasesNothing() {
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), threshold(70, 1_000_000, 1_000_000, "D-1"),
                threshold(100, 1_000_000, 1_000_000, "D-1"), exhausted(1_000_000, 1_000_000, "D-1"),
                recorded("D-2", 300_000, 0, 300_000))
                .when(batch(creditLine("C-1", "D-2", 100_000)))
                .expectEvents(credited("C-1", "D-2", 100_000, 0, 100_000),
                        reduced("D-2", PayableChangeCause.CREDIT, "C-1", 0, 100_000));
    }
}
