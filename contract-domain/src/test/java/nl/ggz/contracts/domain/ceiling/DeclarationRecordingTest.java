package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Accepting declarations, the payable / unpaid split at the ceiling, and idempotency. */
class DeclarationRecordingTest extends CeilingFixtureBase {

    @Test
    void declarationBelowTheCeilingIsPayableInFull() {
        given(agreed())
                .when(batch(line("D-1", 200_000)))
                .expectEvents(recorded("D-1", 200_000, 200_000, 0))
                .expectResultMessagePayload(List.of(accepted("D-1", 200_000, 0)));
    }

    @Test
    void declarationCrossingTheCeilingIsSplitIntoPayableAndUnpaidAtTheCeiling() {
        // DESIGN §1: declarations above the ceiling are still declared but not paid
        given(agreed(), recorded("D-1", 900_000, 900_000, 0), threshold(70, 900_000, 1_000_000, "D-1"))
                .when(batch(line("D-2", 300_000)))
                .expectEvents(recorded("D-2", 300_000, 100_000, 200_000),
                        threshold(100, 1_200_000, 1_000_000, "D-2"),
                        exhausted(1_200_000, 1_000_000, "D-2"))
                .expectResultMessagePayload(List.of(accepted("D-2", 100_000, 200_000)));
    }

    @Test
    void declarationAboveAnExhaustedCeilingIsHeldUnpaidInFull() {
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), threshold(70, 1_000_000, 1_000_000, "D-1"),
                threshold(100, 1_000_000, 1_000_000, "D-1"), exhausted(1_000_000, 1_000_000, "D-1"))
                .when(batch(line("D-2", 40_000)))
                .expectEvents(recorded("D-2", 40_000, 0, 40_000))
                .expectResultMessagePayload(List.of(accepted("D-2", 0, 40_000)));
    }

    @Test
    void batchIsSplitInOrderAcrossTheCeiling() {
        given(agreed(), recorded("D-0", 600_000, 600_000, 0))
                .when(batch(line("D-1", 300_000), line("D-2", 300_000), line("D-3", 50_000)))
                .expectEvents(recorded("D-1", 300_000, 300_000, 0),
                        threshold(70, 900_000, 1_000_000, "D-1"),
                        recorded("D-2", 300_000, 100_000, 200_000),
                        threshold(100, 1_200_000, 1_000_000, "D-2"),
                        exhausted(1_200_000, 1_000_000, "D-2"),
                        recorded("D-3", 50_000, 0, 50_000))
                .expectResultMessagePayload(List.of(accepted("D-1", 300_000, 0), accepted("D-2", 100_000, 200_000),
                        accepted("D-3", 0, 50_000)));
    }

    @Test
    void declarationIdAlreadyInTheLedgerIsAnsweredDuplicateAndChangesNothing() {
        // DESIGN §3: a declaration id is accepted once; a repeated post answers as a duplicate
        given(agreed(), recorded("D-1", 200_000, 200_000, 0))
                .when(batch(line("D-1", 200_000)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(DeclarationOutcome.duplicate("D-1", CEILING_ID)));
    }

    @Test
    void duplicateIsAnsweredWithTheCeilingThatAcceptedItFirst() {
        ledger.put(INSURER, new LedgerEntry("D-1", OTHER_CEILING_ID, Money.cents(10_000), false));
        given(agreed())
                .when(batch(line("D-1", 10_000)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(DeclarationOutcome.duplicate("D-1", OTHER_CEILING_ID)));
    }

    @Test
    void theSameDeclarationIdAtAnotherInsurerIsANewDeclarationHere() {
        // issue 12: ids are numbered by each insurer's claims system; another insurer's D-1 is not this one's
        ledger.put(new InsurerCode("9664"), new LedgerEntry("D-1", "their-contract-2027", Money.cents(10_000), false));
        given(agreed())
                .when(batch(line("D-1", 10_000)))
                .expectEvents(recorded("D-1", 10_000, 10_000, 0))
                .expectResultMessagePayload(List.of(accepted("D-1", 10_000, 0)));
    }

    @Test
    void declarationIdRepeatedWithinOneBatchIsAcceptedOnceThenDuplicate() {
        given(agreed())
                .when(batch(line("D-1", 200_000), line("D-1", 200_000), line("D-2", 100)))
                .expectEvents(recorded("D-1", 200_000, 200_000, 0), recorded("D-2", 100, 100, 0))
                .expectResultMessagePayload(List.of(accepted("D-1", 200_000, 0),
                        DeclarationOutcome.duplicate("D-1", CEILING_ID), accepted("D-2", 100, 0)));
    }

    @Test
    void rejectedLineDoesNotStopTheRestOfTheBatch() {
        given(agreed())
                .when(batch(line("D-1", 10_000), line("D-2", CARE_DATE, 4, PRESTATIE, PATIENT, 10_000),
                        line("D-3", 20_000)))
                .expectEvents(recorded("D-1", 10_000, 10_000, 0), recorded("D-3", 20_000, 20_000, 0))
                .expectResultMessagePayloadMatching(outcomes(results -> {
                    assertThat(results).extracting(DeclarationOutcome::declarationId)
                            .containsExactly("D-1", "D-2", "D-3");
                    assertThat(results).extracting(DeclarationOutcome::status).containsExactly(
                            DeclarationStatus.ACCEPTED, DeclarationStatus.REJECTED, DeclarationStatus.ACCEPTED);
                }));
    }

    @Test
    void declarationOfZeroIsRefused() {
        given(agreed())
                .when(batch(line("D-1", 0)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(results -> assertThat(results).singleElement()
                        .satisfies(o -> {
                            assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                            assertThat(o.reason()).contains("amountCents 0", "positive");
                        })));
    }

    @Test
    void declarationOfZeroIsRefusedEvenUnderTheIdOfAnAcceptedDeclaration() {
        given(agreed(), recorded("D-1", 10_000, 10_000, 0))
                .when(batch(line("D-1", 0)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(results -> assertThat(results).singleElement()
                        .satisfies(o -> {
                            assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                            assertThat(o.reason()).contains("amountCents 0");
                        })));
    }

    @Test
    void positiveDeclarationNamingADeclarationToCorrectIsRefused() {
        given(agreed(), recorded("D-1", 10_000, 10_000, 0))
                .when(batch(new DeclarationLine("D-2", CARE_DATE, new Setting(2), PRESTATIE, PATIENT, Money.cents(500),
                        "D-1")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(results -> assertThat(results).singleElement()
                        .satisfies(o -> {
                            assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                            assertThat(o.reason()).contains("correctsDeclarationId");
                        })));
    }

    @Test
    void treatmentDateIsAcceptedUpToTodayInAmsterdam() {
        // 31 May 23:30 UTC is already 1 June in Amsterdam (summer time)
        Instant received = Instant.parse("2027-05-31T23:30:00Z");
        DeclarationLine line = line("D-1", java.time.LocalDate.of(2027, 6, 1), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(line), received))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    @Test
    void aCreditOfTheSmallestLongIsRejectedOnItsOwnAndTheRestOfTheBatchCounts() {
        // issue 12, finding 5: -9223372036854775808 has no positive counterpart; it failed the whole batch with a 500
        given(agreed(), recorded("D-1", 200_000, 200_000, 0))
                .when(batch(creditLine("C-1", "D-1", Long.MIN_VALUE), line("D-2", 100)))
                .expectEvents(recorded("D-2", 100, 100, 0))
                .expectResultMessagePayloadMatching(outcomes(results -> {
                    assertThat(results.get(0).status()).isEqualTo(DeclarationStatus.REJECTED);
                    assertThat(results.get(0).reason()).contains("cannot be counted");
                    assertThat(results.get(1)).isEqualTo(accepted("D-2", 100, 0));
                }));
    }

    @Test
    void aDeclarationThatWouldOverflowTheCeilingsTotalsIsRejectedOnItsOwn() {
        long nearlyAll = Long.MAX_VALUE - 50;
        given(agreed(), recorded("D-1", nearlyAll, INITIAL.cents(), nearlyAll - INITIAL.cents()),
                threshold(70, nearlyAll, INITIAL.cents(), "D-1"), threshold(100, nearlyAll, INITIAL.cents(), "D-1"),
                exhausted(nearlyAll, INITIAL.cents(), "D-1"))
                .when(batch(line("D-2", 100), line("D-3", 50)))
                .expectEvents(recorded("D-3", 50, 0, 50))
                .expectResultMessagePayloadMatching(outcomes(results -> {
                    assertThat(results.get(0).status()).isEqualTo(DeclarationStatus.REJECTED);
                    assertThat(results.get(0).reason()).contains("cannot be counted");
                    assertThat(results.get(1)).isEqualTo(accepted("D-3", 0, 50));
                }));
    }
}
