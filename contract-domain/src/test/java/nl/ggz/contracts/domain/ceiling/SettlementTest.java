package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.StateConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Settlement (afrekening) of a contract year: seed 000 — in the year after the contract year "ontvangen
 * ggz-aanbieders geld of terugvorderingen van zorgverzekeraars voor declaraties van het afgelopen contractjaar"; the
 * year closes with its final figures, after which only claw-backs (recoveries) are possible. And the policy's claims
 * cut-off, after which late declarations are refused even before settlement.
 */
class SettlementTest extends CeilingFixtureBase {

    /** 1 January 2028 00:00 in Amsterdam (winter time): the 2027 year has ended. */
    private static final Instant YEAR_ENDED = Instant.parse("2027-12-31T23:00:00Z");
    private static final Instant SETTLED_AT = Instant.parse("2028-03-15T10:00:00Z");

    /**
     * 1,200,000 declared of which 50,000 credited, against 1,000,000; a claw-back of 100,000 that fell on amounts held
     * unpaid above the ceiling (withdrawn, nothing reclaimed).
     */
    private static Object[] yearOverTheCeiling() {
        return new Object[]{agreed(), recorded("D-1", 700_000, 700_000, 0), recorded("D-2", 500_000, 300_000, 200_000),
                credited("C-1", "D-2", 50_000, 0, 50_000),
                new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(100_000), "niet geleverd",
                        List.of(new ClawBackShare("D-1", Money.cents(100_000))), Instant.parse("2027-09-01T10:00:00Z"),
                        Money.ZERO, Money.cents(100_000), false)};
    }

    @Test
    void aCeilingIsSettledAfterItsYearEndedWithTheFinalFigures() {
        // counted 1,150,000 − 100,000 = 1,050,000 of 1,000,000: 1,000,000 payable, 50,000 unpaid for good, nothing
        // clawed back of what was paid
        given(yearOverTheCeiling())
                .when(new SettleCeiling(CEILING_ID, SETTLED_AT))
                .expectEvents(new CeilingSettled(CEILING_ID, SETTLED_AT, INITIAL, INITIAL, Money.cents(1_150_000),
                        Money.cents(1_000_000), Money.cents(50_000), Money.ZERO, Money.cents(100_000)));
    }

    @Test
    void settlingWhileTheYearRunsIsAStateConflict() {
        // 31 December 23:59:59 in Amsterdam: the year has not ended
        given(yearOverTheCeiling())
                .when(new SettleCeiling(CEILING_ID, YEAR_ENDED.minusSeconds(1)))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("can be settled from 2028-01-01"))
                .expectNoEvents();
    }

    @Test
    void aCeilingCanBeSettledFromTheFirstMomentOfTheNextYear() {
        given(agreed())
                .when(new SettleCeiling(CEILING_ID, YEAR_ENDED))
                .expectEvents(new CeilingSettled(CEILING_ID, YEAR_ENDED, INITIAL, INITIAL, Money.ZERO, Money.ZERO,
                        Money.ZERO, Money.ZERO, Money.ZERO));
    }

    @Test
    void aYearWithAnOpenIncreaseRequestCannotBeSettled() {
        given(agreed(), new IncreaseRequested(CEILING_ID, "R-1", Money.cents(100_000), "groei",
                Instant.parse("2027-05-03T09:00:00Z"), Instant.parse("2027-05-31T22:00:00Z")))
                .when(new SettleCeiling(CEILING_ID, SETTLED_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("R-1"))
                .expectNoEvents();
    }

    @Test
    void aYearWithAnUnsignedAddendumCannotBeSettled() {
        given(agreed(), new IncreaseRequested(CEILING_ID, "R-1", Money.cents(100_000), "groei",
                        Instant.parse("2027-05-03T09:00:00Z"), Instant.parse("2027-05-31T22:00:00Z")),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(100_000), "A-1", Instant.parse("2027-05-20T10:00:00Z")),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(100_000), Instant.parse("2027-05-20T10:00:00Z")))
                .when(new SettleCeiling(CEILING_ID, SETTLED_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("A-1"))
                .expectNoEvents();
    }

    @Test
    void aSettledYearIsNotSettledAgain() {
        given(settled())
                .when(new SettleCeiling(CEILING_ID, SETTLED_AT.plusSeconds(86_400)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    private static Object[] settled() {
        return new Object[]{agreed(), recorded("D-1", 600_000, 600_000, 0),
                new CeilingSettled(CEILING_ID, SETTLED_AT, INITIAL, INITIAL, Money.cents(600_000),
                        Money.cents(600_000), Money.ZERO, Money.ZERO, Money.ZERO)};
    }

    @Test
    void aDeclarationForASettledYearIsRejected() {
        // seed 000: the year is closed — what comes later is not paid on it
        given(settled())
                .when(new RecordDeclarations(CEILING_ID, List.of(line("D-2", 10_000)), SETTLED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> assertThat(r).singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                    assertThat(o.reason()).contains("the year 2027 is settled", "2028-03-15");
                })));
    }

    @Test
    void aCreditForASettledYearIsRejected() {
        given(settled())
                .when(new RecordDeclarations(CEILING_ID, List.of(creditLine("C-1", "D-1", 1_000)),
                        SETTLED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> assertThat(r).singleElement()
                        .satisfies(o -> assertThat(o.reason()).contains("is settled"))));
    }

    @Test
    void aRepeatOfADeclarationAcceptedBeforeSettlementIsStillADuplicate() {
        // a claims batch sent again stays safe: nothing changed, and nothing is refused that was accepted
        given(settled())
                .when(new RecordDeclarations(CEILING_ID, List.of(line("D-1", 600_000)), SETTLED_AT.plusSeconds(60)))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(DeclarationOutcome.duplicate("D-1", CEILING_ID)));
    }

    @Test
    void aClawBackAfterSettlementIsARecoveryAfterSettlement() {
        // seed 000 ⓴: what was paid wrongly is reclaimed, also after the year was settled
        Instant issued = SETTLED_AT.plusSeconds(30L * 86_400);
        given(settled())
                .when(new IssueClawBack(CEILING_ID, "CB-9", Money.cents(20_000), "materiële controle",
                        List.of("D-1"), issued))
                .expectEvents(new ClawBackIssued(CEILING_ID, "CB-9", Money.cents(20_000), "materiële controle",
                        List.of(new ClawBackShare("D-1", Money.cents(20_000))), issued, Money.cents(20_000), Money.ZERO,
                        true),
                        reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-9", 20_000, 0));
    }

    @Test
    void noIncreaseCanBeRequestedForASettledYear() {
        policies.set(INSURER, 2027, new PolicyParameters(List.of(70, 100), 50,
                Instant.parse("2026-12-31T23:00:00Z"), Instant.parse("2028-12-31T23:00:00Z"), 28, 42, null));
        given(settled())
                .when(new RequestIncrease(CEILING_ID, "R-9", Money.cents(1_000), "te laat", SETTLED_AT.plusSeconds(60)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    // --- the claims cut-off ---

    @Test
    void aDeclarationAfterThePoliciesClaimsCutOffIsRejectedBeforeSettlement() {
        // three months after the year: declarations until the end of 31 March 2028
        policies.set(INSURER, 2027, PolicyParameters.defaults(2027).withClaimsCutOff(Period.ofMonths(3)));
        Instant april = Instant.parse("2028-03-31T22:00:00Z");
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(line("D-1", 10_000)), april))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> assertThat(r).singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                    assertThat(o.reason()).contains("until the end of 2028-03-31", "cut-off");
                })));
    }

    @Test
    void aDeclarationOnTheLastDayBeforeTheCutOffIsAccepted() {
        policies.set(INSURER, 2027, PolicyParameters.defaults(2027).withClaimsCutOff(Period.ofMonths(3)));
        DeclarationLine line = line("D-1", 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(line), Instant.parse("2028-03-31T21:59:59Z")))
                .expectEvents(recorded(line, 10_000, 0, false));
    }

    @Test
    void aCreditAfterTheCutOffIsStillAcceptedUntilSettlement() {
        // a correction lowers what is paid: the cut-off is for late declarations of care
        policies.set(INSURER, 2027, PolicyParameters.defaults(2027).withClaimsCutOff(Period.ofMonths(3)));
        given(agreed(), recorded("D-1", 10_000, 10_000, 0))
                .when(new RecordDeclarations(CEILING_ID, List.of(creditLine("C-1", "D-1", 1_000)),
                        Instant.parse("2028-05-01T10:00:00Z")))
                .expectEvents(credited("C-1", "D-1", 1_000, 1_000, 0),
                        reduced("D-1", PayableChangeCause.CREDIT, "C-1", 1_000, 0));
    }

    @Test
    void withoutACutOffLateDeclarationsAreAcceptedUntilSettlement() {
        DeclarationLine line = line("D-1", LocalDate.of(2027, 12, 31), 2, PRESTATIE, PATIENT, 10_000);
        given(agreed())
                .when(new RecordDeclarations(CEILING_ID, List.of(line), Instant.parse("2029-06-01T10:00:00Z")))
                .expectEvents(recorded(line, 10_000, 0, false));
    }
}
