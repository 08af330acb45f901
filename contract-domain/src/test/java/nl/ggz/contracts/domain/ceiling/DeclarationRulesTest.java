package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a declaration must pass to be accepted on its ceiling. */
class DeclarationRulesTest extends CeilingFixtureBase {

    /** A batch received after care of July was given. */
    private static final Instant IN_AUGUST = Instant.parse("2027-08-02T10:00:00Z");

    private static void rejected(List<DeclarationOutcome> results, String id, String... reasonParts) {
        assertThat(results).singleElement().satisfies(o -> {
            assertThat(o.declarationId()).isEqualTo(id);
            assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
            assertThat(o.ceilingId()).isEqualTo(CEILING_ID);
            assertThat(o.payable()).isNull();
            assertThat(o.reason()).contains(reasonParts);
        });
    }

    // --- settings ---

    @Test
    void settingTheContractDoesNotCoverIsRefused() {
        given(agreed())
                .when(batch(line("D-1", CARE_DATE, 4, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "setting 4", "not covered")));
    }

    @Test
    void setting8NotContractedIsRefusedNamingSetting8() {
        // seed 001 (Hoogspecialistische GGZ): without a contract for setting 8, no care in setting 8 can be declared
        given(agreed())
                .when(batch(line("D-1", CARE_DATE, 8, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "setting 8", "not contracted")));
    }

    @Test
    void setting8IsAcceptedWhenContracted() {
        // seed 001: setting 8 only when contracted
        DeclarationLine line = line("D-1", CARE_DATE, 8, PRESTATIE, PATIENT, 10_000);
        given(agreed(settings(2, 8)))
                .when(batch(line))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    // --- amendments (seed 002 §5.4) ---

    @Test
    void contractAmendmentIsAppliedToTheCeiling() {
        given(agreed())
                .when(new ApplyContractAmendment(CEILING_ID, Set.of(PRESTATIE), settings(3), null))
                .expectEvents(new ContractAmendmentApplied(CEILING_ID, Set.of(PRESTATIE), settings(3), null));
    }

    @Test
    void prestatieExcludedByAnAmendmentIsRefused() {
        // seed 002 §5.4: the insurer may exclude prestaties from the contract
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(PRESTATIE), Set.of(), null))
                .when(batch(line("D-1", 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", PRESTATIE.value(), "excluded")));
    }

    @Test
    void settingExcludedByAnAmendmentIsRefused() {
        // seed 002 §5.4: the insurer may exclude parts (settings) of the contract
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(), settings(3), null))
                .when(batch(line("D-1", CARE_DATE, 3, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "setting 3", "excluded")));
    }

    @Test
    void otherPrestatiesAndSettingsStayDeclarableAfterAnAmendment() {
        DeclarationLine line = line("D-1", CARE_DATE, 2, new PrestatieCode("OV0012"), PATIENT, 10_000);
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(PRESTATIE), settings(3), null))
                .when(batch(line))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    @Test
    void exclusionsOfTheOfferHoldFromTheFirstDayOfTheCeiling() {
        // seed 002 §5.4: left out in the offer, never declarable
        CeilingAgreed withExclusions = new CeilingAgreed(CEILING_ID, CONTRACT_ID, INSURER, PROVIDER,
                agreed().providerType(), agreed().kind(), 2027, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                INITIAL, settings(2, 3), Set.of(new PrestatieCode("GR0110")), settings(3));
        given(withExclusions)
                .when(batch(line("D-1", LocalDate.of(2027, 1, 1), 3, PRESTATIE, PATIENT, 10_000),
                        line("D-2", LocalDate.of(2027, 1, 2), 2, new PrestatieCode("GR0110"), PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> {
                    assertThat(r.get(0).reason()).contains("setting 3", "excluded");
                    assertThat(r.get(1).reason()).contains("GR0110", "excluded");
                }));
    }

    @Test
    void declarationIsJudgedByTheExclusionsInForceOnItsTreatmentDate() {
        // seed 002 §5.4 with an effective date: care before it stays declarable, also when declared late
        DeclarationLine before = line("D-1", LocalDate.of(2027, 4, 30), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(PRESTATIE), Set.of(),
                LocalDate.of(2027, 5, 1)))
                .when(batch(before))
                .expectEvents(recorded(before, 10_000, 0, false));
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(PRESTATIE), Set.of(),
                LocalDate.of(2027, 5, 1)))
                .when(batch(line("D-2", LocalDate.of(2027, 5, 1), 2, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-2", PRESTATIE.value(),
                        "excluded", "2027-05-01")));
    }

    @Test
    void anEarlierExclusionOfTheSameSettingWins() {
        given(agreed(), new ContractAmendmentApplied(CEILING_ID, Set.of(), settings(3), LocalDate.of(2027, 9, 1)),
                new ContractAmendmentApplied(CEILING_ID, Set.of(), settings(3), LocalDate.of(2027, 6, 1)))
                // declared in August, after the care was given (only care already given is declared, seed 000)
                .when(new RecordDeclarations(CEILING_ID, List.of(line("D-1", LocalDate.of(2027, 7, 1), 3, PRESTATIE,
                        PATIENT, 10_000)), IN_AUGUST))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "setting 3", "2027-06-01")));
    }

    @Test
    void careBeforeAMidYearTermStartsIsRefused() {
        // seed 002 §5.3: the contract covers care from the first day of the month it starts
        CeilingAgreed fromJuly = new CeilingAgreed(CEILING_ID, CONTRACT_ID, INSURER, PROVIDER,
                agreed().providerType(), agreed().kind(), 2027, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31),
                INITIAL, settings(2, 3), Set.of(), Set.of());
        DeclarationLine july = line("D-2", LocalDate.of(2027, 7, 1), 2, PRESTATIE, PATIENT, 10_000);
        given(fromJuly)
                .when(new RecordDeclarations(CEILING_ID, List.of(line("D-1", LocalDate.of(2027, 6, 30), 2, PRESTATIE,
                        PATIENT, 10_000)), IN_AUGUST))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "before the contract's term "
                        + "starts (2027-07-01)")));
        given(fromJuly)
                .when(new RecordDeclarations(CEILING_ID, List.of(july), IN_AUGUST))
                .expectEvents(recorded(july, 10_000, 0, false));
    }

    // --- privacy (seed 002 §4.3) ---

    @Test
    void patientRefThatIsAValidBsnIsRefused() {
        // seed 002 §4.3 privacy statement: the insured person is named by pseudonym, never by BSN
        given(agreed())
                .when(batch(line("D-1", CARE_DATE, 2, PRESTATIE, "111222333", 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "BSN")));
    }

    @Test
    void aBsnIsNeverSealedNotEvenUnderAKeyOfItsOwn() {
        // seed 002 §4.3 and issue 16: a refused BSN leaves no key behind; the pseudonym beside it is sealed
        given(agreed())
                .when(batch(line("D-1", CARE_DATE, 2, PRESTATIE, "111222333", 10_000),
                        line("D-2", CARE_DATE, 2, PRESTATIE, PATIENT, 10_000)))
                .expectEvents(recorded(line("D-2", CARE_DATE, 2, PRESTATIE, PATIENT, 10_000), 10_000, 0, false));

        assertThat(pseudonyms.hasKey(INSURER, "111222333")).isFalse();
        assertThat(pseudonyms.hasKey(INSURER, PATIENT)).isTrue();
    }

    @Test
    void nineDigitPatientRefFailingTheElevenTestIsAccepted() {
        // seed 002 §4.3: only what could be a BSN is refused; 123456789 fails the eleven-test
        DeclarationLine line = line("D-1", CARE_DATE, 2, PRESTATIE, "123456789", 10_000);
        given(agreed())
                .when(batch(line))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    // --- psychodiagnostics supplement (seed 002 §5.2) ---

    @Test
    void supplementAThirdTimeInAYearIsRefusedCountingTheLedger() {
        // seed 002 §5.2: the psychodiagnostics supplement at most twice per year per insured person
        given(agreed(), supplementRecorded("S-1", PATIENT), supplementRecorded("S-2", PATIENT))
                .when(batch(line("S-3", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "S-3", "twice")));
    }

    @Test
    void supplementCountIncludesChargesOnTheInsurersOtherCeilingsThatYear() {
        // seed 002 §5.2: per insured person per year, whichever provider charged it (the ledger counts per insurer)
        ledger.putSupplements(INSURER, 2027, PATIENT, 2);
        given(agreed())
                .when(batch(line("S-1", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "S-1", "twice")));
    }

    @Test
    void supplementAThirdTimeWithinOneBatchIsRefused() {
        // seed 002 §5.2: at most twice per year per insured person
        DeclarationLine s1 = line("S-1", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000);
        DeclarationLine s2 = line("S-2", CARE_DATE.plusDays(1), 2, SUPPLEMENT, PATIENT, 5_000);
        DeclarationLine s3 = line("S-3", CARE_DATE.plusDays(2), 2, SUPPLEMENT, PATIENT, 5_000);
        given(agreed())
                .when(batch(s1, s2, s3))
                .expectEvents(recorded(s1, 5_000, 0, true), recorded(s2, 5_000, 0, true))
                .expectResultMessagePayloadMatching(outcomes(r -> {
                    assertThat(r).extracting(DeclarationOutcome::status).containsExactly(DeclarationStatus.ACCEPTED,
                            DeclarationStatus.ACCEPTED, DeclarationStatus.REJECTED);
                    assertThat(r.get(2).reason()).contains("twice");
                }));
    }

    @Test
    void supplementCountAddsTheLedgerAndTheBatch() {
        // seed 002 §5.2: one charge known, so of two more in the batch only the first is accepted
        DeclarationLine s2 = line("S-2", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000);
        DeclarationLine s3 = line("S-3", CARE_DATE, 2, SUPPLEMENT, PATIENT, 5_000);
        given(agreed(), supplementRecorded("S-1", PATIENT))
                .when(batch(s2, s3))
                .expectEvents(recorded(s2, 5_000, 0, true))
                .expectResultMessagePayloadMatching(outcomes(r -> assertThat(r)
                        .extracting(DeclarationOutcome::status)
                        .containsExactly(DeclarationStatus.ACCEPTED, DeclarationStatus.REJECTED)));
    }

    @Test
    void supplementLimitIsPerInsuredPerson() {
        // seed 002 §5.2: per insured person
        DeclarationLine other = line("S-3", CARE_DATE, 2, SUPPLEMENT, "p-other", 5_000);
        given(agreed(), supplementRecorded("S-1", PATIENT), supplementRecorded("S-2", PATIENT))
                .when(batch(other))
                .expectEvents(recorded(other, 5_000, 0, true));
    }

    @Test
    void otherPrestatiesAreNotLimitedForAPatientWithTwoSupplements() {
        DeclarationLine line = line("D-1", 5_000);
        given(agreed(), supplementRecorded("S-1", PATIENT), supplementRecorded("S-2", PATIENT))
                .when(batch(line))
                .expectEvents(recorded(line, 5_000, 0, false));
    }

    // --- termination ---

    @Test
    void contractTerminationShortensTheCeilingsCarePeriod() {
        given(agreed())
                .when(new ApplyContractTermination(CEILING_ID, LocalDate.of(2027, 4, 30)))
                .expectEvents(new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 4, 30)));
    }

    @Test
    void terminationAfterTheCeilingsLastCareDateChangesNothing() {
        given(agreed(), new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 4, 30)))
                .when(new ApplyContractTermination(CEILING_ID, LocalDate.of(2027, 6, 30)))
                .expectNoEvents();
    }

    @Test
    void careAfterTerminationIsRefused() {
        given(agreed(), new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 4, 30)))
                .when(batch(line("D-1", LocalDate.of(2027, 5, 1), 2, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "terminated")));
    }

    @Test
    void careUpToTheTerminationDateIsStillAccepted() {
        // seed 001: settlement of care given within the term continues
        DeclarationLine line = line("D-1", LocalDate.of(2027, 4, 30), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed(), new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 4, 30)))
                .when(batch(line))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    // --- treatment date ---

    @Test
    void careNotYetGivenIsRejectedWithTheDayItIsInAmsterdam() {
        // seed 000 ⓰–⓱: providers give care, insurers check and pay the declarations of it — received on 1 June
        // 2027, care dated 2 June has not been given yet (this was accepted, and counted against the ceiling)
        given(agreed())
                .when(batch(line("D-1", LocalDate.of(2027, 6, 2), 2, PRESTATIE, PATIENT, 10_000),
                        line("D-2", LocalDate.of(2027, 6, 1), 2, PRESTATIE, PATIENT, 10_000)))
                .expectEvents(recorded(line("D-2", LocalDate.of(2027, 6, 1), 2, PRESTATIE, PATIENT, 10_000), 10_000,
                        0, false))
                .expectResultMessagePayloadMatching(outcomes(r -> {
                    rejected(r.subList(0, 1), "D-1", "2027-06-02", "future", "2027-06-01");
                    assertThat(r.get(1).status()).isEqualTo(DeclarationStatus.ACCEPTED);
                }));
    }

    @Test
    void careOfTomorrowInAmsterdamIsNotGivenYetEvenWhenItIsTomorrowInUtc() {
        // 31 May 21:59:59 UTC is 23:59:59 in Amsterdam (summer time): 1 June has not begun there
        DeclarationLine june = line("D-1", LocalDate.of(2027, 6, 1), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(june), Instant.parse("2027-05-31T21:59:59Z")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "future")));
    }

    @Test
    void careOfTodayIsCareAlreadyGivenFromMidnightInAmsterdam() {
        DeclarationLine june = line("D-1", LocalDate.of(2027, 6, 1), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(june), Instant.parse("2027-05-31T22:00:00Z")))
                .expectEvents(recorded(june, 10_000, 0, false));
    }

    @Test
    void treatmentDateBeforeTheCeilingsYearIsRefused() {
        given(agreed())
                .when(batch(line("D-1", LocalDate.of(2026, 12, 31), 2, PRESTATIE, PATIENT, 10_000)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "outside", "2027")));
    }

    @Test
    void treatmentDateAfterTheCeilingsYearIsRefused() {
        Instant received = Instant.parse("2028-02-01T10:00:00Z");
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID,
                        List.of(line("D-1", LocalDate.of(2028, 1, 2), 2, PRESTATIE, PATIENT, 10_000)), received))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> rejected(r, "D-1", "outside")));
    }

    @Test
    void declarationsForTheYearAreStillAcceptedAfterItEnds() {
        // seed 001: settlement of a contract year continues into the next year
        Instant received = Instant.parse("2028-02-01T10:00:00Z");
        DeclarationLine line = line("D-1", LocalDate.of(2027, 12, 31), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(line), received))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    @Test
    void rejectedLinesLeaveTheLedgerAndTotalsUntouched() {
        // a refused line does not count towards the ceiling: the next line still has the full room
        given(agreed(), recorded("D-0", 990_000, 990_000, 0), threshold(70, 990_000, 1_000_000, "D-0"))
                .when(batch(line("D-1", CARE_DATE, 4, PRESTATIE, PATIENT, 10_000), line("D-2", 10_000)))
                .expectEvents(recorded("D-2", 10_000, 10_000, 0), threshold(100, 1_000_000, 1_000_000, "D-2"),
                        exhausted(1_000_000, 1_000_000, "D-2"));
    }
}
