package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static nl.ggz.contracts.domain.ceiling.IncreaseCriterion.NO_ALTERNATIVE_CARE;
import static nl.ggz.contracts.domain.ceiling.IncreaseCriterion.WAITING_TIMES;
import static org.hamcrest.Matchers.containsString;

/**
 * An increase request as a process (seed 001): submitted on named criteria, asked for more information (the decision
 * clock stops), complete, and decided within the period of the contract's kind from the complete request — or, under
 * supplementary contracting (seed 002 §6.3), announced up to and including 1 October and decided by 31 March.
 */
class IncreaseRequestProcessTest extends CeilingFixtureBase {

    /** Monday 3 May 2027, 11:00 in Amsterdam; four weeks later the decision is due at the end of 31 May. */
    private static final Instant SUBMITTED_AT = amsterdam("2027-05-03T11:00");
    private static final Instant DUE = amsterdam("2027-06-01T00:00");
    private static final Instant ASKED_AT = amsterdam("2027-05-10T14:00");
    /** Complete on 24 May at 16:30: due at the end of 21 June. */
    private static final Instant COMPLETED_AT = amsterdam("2027-05-24T16:30");
    private static final Instant DUE_AFTER_COMPLETION = amsterdam("2027-06-22T00:00");

    private static Instant amsterdam(String local) {
        return LocalDateTime.parse(local).atZone(DomainTime.AMSTERDAM).toInstant();
    }

    private static RequestIncrease request(String id, long cents, Instant at, IncreaseCriterion... criteria) {
        return new RequestIncrease(CEILING_ID, id, Money.cents(cents), "wachtlijst 18 weken", List.of(criteria), at);
    }

    private static IncreaseRequested submitted(String id, long cents, Instant at, Instant due,
                                               IncreaseCriterion... criteria) {
        return new IncreaseRequested(CEILING_ID, id, Money.cents(cents), "wachtlijst 18 weken", List.of(criteria), at,
                due);
    }

    private static CeilingAgreed agreedNegotiated(int year) {
        return new CeilingAgreed(CEILING_ID, CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                ContractKind.NEGOTIATED, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), INITIAL,
                settings(2, 3), Set.of(), Set.of());
    }

    // --- submitted, on criteria ---

    @Test
    void aRequestIsSubmittedOnTheCriteriaItNamesBesideItsGrounds() {
        // seed 001: judged on i.a. the waiting times and whether there is alternative care in the region
        given(agreed())
                .when(request("R-1", 300_000, SUBMITTED_AT, WAITING_TIMES, NO_ALTERNATIVE_CARE))
                .expectEvents(submitted("R-1", 300_000, SUBMITTED_AT, DUE, WAITING_TIMES, NO_ALTERNATIVE_CARE))
                .expectScheduledDeadline(DUE, new DecisionDue("R-1", DUE));
    }

    @Test
    void aNegotiatedContractsRequestIsDecidedWithinOneMonth() {
        // seed 001: "binnen 1 maand" for negotiated (handmatig gecontracteerde) contracts: 3 May → end of 3 June
        Instant due = amsterdam("2027-06-04T00:00");
        fixture.given(ledger.recording(agreedNegotiated(2027)))
                .when(request("R-1", 300_000, SUBMITTED_AT, WAITING_TIMES))
                .expectEvents(submitted("R-1", 300_000, SUBMITTED_AT, due, WAITING_TIMES))
                .expectScheduledDeadline(due, new DecisionDue("R-1", due));
    }

    // --- information asked for: the clock stops ---

    @Test
    void askingForInformationStopsTheClock() {
        // seed 001: "Als er voor de beoordeling ... meer informatie nodig is, vragen wij desbetreffende informatie op"
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE))
                .when(new RequestIncreaseInformation(CEILING_ID, "R-1", "wachttijdenoverzicht per locatie", ASKED_AT))
                .expectEvents(new IncreaseInformationRequested(CEILING_ID, "R-1", "wachttijdenoverzicht per locatie",
                        ASKED_AT));
    }

    @Test
    void aRequestWaitingForInformationIsNotOverdueWhenItsFirstDueMomentPasses() {
        fixture.givenCurrentTime(SUBMITTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, SUBMITTED_AT),
                        new RequestIncreaseInformation(CEILING_ID, "R-1", "productiemonitor", ASKED_AT))
                .whenTimeAdvancesTo(DUE.plusSeconds(86_400))
                .expectDeadlinesMet(new DecisionDue("R-1", DUE))
                .expectNoEvents();
    }

    @Test
    void completingTheRequestStartsTheWholePeriodFromThatDay() {
        // seed 001: "Wanneer de verhogingsaanvraag compleet is, wordt de zorgaanbieder binnen 4 weken geïnformeerd"
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseInformationRequested(CEILING_ID, "R-1", "productiemonitor", ASKED_AT))
                .when(new CompleteIncreaseRequest(CEILING_ID, "R-1", "bijgevoegd", COMPLETED_AT))
                .expectEvents(new IncreaseRequestCompleted(CEILING_ID, "R-1", "bijgevoegd", COMPLETED_AT,
                        DUE_AFTER_COMPLETION))
                .expectScheduledDeadline(DUE_AFTER_COMPLETION, new DecisionDue("R-1", DUE_AFTER_COMPLETION));
    }

    @Test
    void aNegotiatedRequestCompletedOn31JanuaryOfALeapYearIsDueAtTheEndOf29February() {
        // seed 001: one month for negotiated contracts, as the calendar has it
        PolicyParameters allYear = new PolicyParameters(List.of(70, 100), 50,
                DomainTime.startOf(LocalDate.of(2028, 1, 1)), DomainTime.startOf(LocalDate.of(2028, 12, 1)), 28, 42,
                null).withDecisionPeriods(PolicyParameters.defaults(2028).decisionPeriods());
        policies.set(INSURER, 2028, allYear);
        Instant submitted = amsterdam("2028-01-12T09:00");
        Instant completed = amsterdam("2028-01-31T17:45");
        Instant due = OffsetDateTime.parse("2028-03-01T00:00:00+01:00").toInstant();
        fixture.given(ledger.recording(agreedNegotiated(2028),
                        new IncreaseRequested(CEILING_ID, "R-1", Money.cents(100_000), "groei", submitted,
                                allYear.decisionDueAt(ContractKind.NEGOTIATED, submitted)),
                        new IncreaseInformationRequested(CEILING_ID, "R-1", "cijfers", submitted.plusSeconds(86_400))))
                .when(new CompleteIncreaseRequest(CEILING_ID, "R-1", "cijfers bijgevoegd", completed))
                .expectEvents(new IncreaseRequestCompleted(CEILING_ID, "R-1", "cijfers bijgevoegd", completed, due));
    }

    @Test
    void aCompletedRequestIsOverdueAtTheEndOfItsNewDueDayAndNotAtTheOldOne() {
        fixture.givenCurrentTime(SUBMITTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, SUBMITTED_AT),
                        new RequestIncreaseInformation(CEILING_ID, "R-1", "productiemonitor", ASKED_AT),
                        new CompleteIncreaseRequest(CEILING_ID, "R-1", "bijgevoegd", COMPLETED_AT))
                .whenTimeAdvancesTo(DUE_AFTER_COMPLETION)
                .expectDeadlinesMet(new DecisionDue("R-1", DUE), new DecisionDue("R-1", DUE_AFTER_COMPLETION))
                .expectEvents(new IncreaseDecisionOverdue(CEILING_ID, "R-1", DUE_AFTER_COMPLETION));
    }

    @Test
    void aDecisionOnTheLastDayIsInTimeWhateverTheHour() {
        // the old due moment was the request's clock time: a request of 11:00 decided at 15:00 on day 28 was overdue
        fixture.givenCurrentTime(SUBMITTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, SUBMITTED_AT))
                .whenTimeAdvancesTo(amsterdam("2027-05-31T23:59:59"))
                .expectDeadlinesMet()
                .expectNoEvents();
    }

    @Test
    void aDeadlineAcrossTheSpringDaylightSavingChangeFiresAtMidnightSummerTime() {
        // 28 March 2027 has 23 hours; submitted on 10 March at 09:00 (winter time), due at the end of 7 April
        PolicyParameters fromMarch = new PolicyParameters(List.of(70, 100), 50,
                DomainTime.startOf(LocalDate.of(2027, 3, 1)), DomainTime.startOf(LocalDate.of(2027, 8, 1)), 28, 42,
                null);
        policies.set(INSURER, 2027, fromMarch);
        Instant submitted = amsterdam("2027-03-10T09:00");
        Instant due = Instant.parse("2027-04-07T22:00:00Z");
        fixture.givenCurrentTime(submitted)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, submitted))
                .whenTimeAdvancesTo(due)
                .expectDeadlinesMet(new DecisionDue("R-1", due))
                .expectEvents(new IncreaseDecisionOverdue(CEILING_ID, "R-1", due));
    }

    @Test
    void aRequestIsRecordedOverdueOnceEvenWhenItsClockStartsAgain() {
        // asking for information after the due moment passed does not undo the lateness, nor record it twice
        fixture.givenCurrentTime(SUBMITTED_AT)
                .andGiven(ledger.recording(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                        new IncreaseDecisionOverdue(CEILING_ID, "R-1", DUE),
                        new IncreaseInformationRequested(CEILING_ID, "R-1", "alsnog", DUE.plusSeconds(3_600))))
                .andGivenCommands(new CompleteIncreaseRequest(CEILING_ID, "R-1", "hier", COMPLETED_AT.plusSeconds(
                        10 * 86_400)))
                .whenTimeAdvancesTo(COMPLETED_AT.plusSeconds(60L * 86_400))
                .expectNoEvents();
    }

    @Test
    void completingARequestThatWasNotAskedForInformationIsAStateConflict() {
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE))
                .when(new CompleteIncreaseRequest(CEILING_ID, "R-1", "ongevraagd", COMPLETED_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("not waiting for information"))
                .expectNoEvents();
    }

    @Test
    void askingTwiceBeforeTheAnswerIsAStateConflict() {
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseInformationRequested(CEILING_ID, "R-1", "productiemonitor", ASKED_AT))
                .when(new RequestIncreaseInformation(CEILING_ID, "R-1", "nog iets", ASKED_AT.plusSeconds(60)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void askingForInformationOnADecidedRequestIsAStateConflict() {
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseRejected(CEILING_ID, "R-1", "geen wachtlijst", ASKED_AT))
                .when(new RequestIncreaseInformation(CEILING_ID, "R-1", "toch nog", ASKED_AT.plusSeconds(60)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aQuestionAndAnAnswerAreNotEmpty() {
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE))
                .when(new RequestIncreaseInformation(CEILING_ID, "R-1", " ", ASKED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void aRequestWaitingForInformationCountsAgainstTheCap() {
        // seed 001: the cap holds for all increases of the year together, open ones included
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseInformationRequested(CEILING_ID, "R-1", "productiemonitor", ASKED_AT))
                .when(request("R-2", 200_001, ASKED_AT.plusSeconds(60)))
                .expectException(RuleViolationException.class);
    }

    // --- decided ---

    @Test
    void aRequestLeftIncompleteIsRejectedForThatReason() {
        // seed 001: "Alleen correcte en volledig ingevulde aanvraagformulieren worden in behandeling genomen"
        Instant decided = amsterdam("2027-06-20T10:00");
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseInformationRequested(CEILING_ID, "R-1", "productiemonitor", ASKED_AT))
                .when(new RejectIncrease(CEILING_ID, "R-1", "geen productiemonitor ontvangen",
                        List.of(RejectionReason.INCOMPLETE_REQUEST, RejectionReason.PRODUCTION_MONITOR_MISSING),
                        decided))
                .expectEvents(new IncreaseRejected(CEILING_ID, "R-1", "geen productiemonitor ontvangen",
                        List.of(RejectionReason.INCOMPLETE_REQUEST, RejectionReason.PRODUCTION_MONITOR_MISSING),
                        decided));
    }

    @Test
    void aRejectionNamesItsReasonsForTheNzaToCount() {
        // seed 001: "Als er voldoende alternatief zorgaanbod beschikbaar is, wordt er verhogingsaanvraag niet
        // geaccepteerd"; seed 003 §4.2 asks why requests were refused
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE))
                .when(new RejectIncrease(CEILING_ID, "R-1", "twee aanbieders in de regio met ruimte",
                        List.of(RejectionReason.ALTERNATIVE_CARE_AVAILABLE), ASKED_AT))
                .expectEvents(new IncreaseRejected(CEILING_ID, "R-1", "twee aanbieders in de regio met ruimte",
                        List.of(RejectionReason.ALTERNATIVE_CARE_AVAILABLE), ASKED_AT));
    }

    @Test
    void aCompletedRequestCanBeApproved() {
        given(agreed(), submitted("R-1", 300_000, SUBMITTED_AT, DUE),
                new IncreaseInformationRequested(CEILING_ID, "R-1", "productiemonitor", ASKED_AT),
                new IncreaseRequestCompleted(CEILING_ID, "R-1", "bijgevoegd", COMPLETED_AT, DUE_AFTER_COMPLETION))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(250_000), COMPLETED_AT.plusSeconds(60)))
                .expectEvents(new IncreaseApproved(CEILING_ID, "R-1", Money.cents(250_000), "A-1",
                                COMPLETED_AT.plusSeconds(60)),
                        new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(250_000),
                                COMPLETED_AT.plusSeconds(60)));
    }

    // --- supplementary contracting (seed 002 §6.3) ---

    @Test
    void anOverrunAnnouncedOnFirstOctoberIsTakenAndDecidedBy31MarchOfTheNextYear() {
        // seed 002 §6.3: "1 oktober 2027 (in geval van bijcontracteren)" — up to and including that day; the old
        // window ended at 1 October 00:00, so an announcement on the day itself was refused
        policies.set(INSURER, 2027, PolicyParameters.supplementaryContracting(2027).withIncreaseCapPercent(25));
        Instant lastEvening = amsterdam("2027-10-01T21:30");
        Instant due = OffsetDateTime.parse("2028-04-01T00:00:00+02:00").toInstant();
        given(agreed())
                .when(request("R-1", 250_000, lastEvening, IncreaseCriterion.INSURED_GROWTH))
                .expectEvents(submitted("R-1", 250_000, lastEvening, due, IncreaseCriterion.INSURED_GROWTH))
                .expectScheduledDeadline(due, new DecisionDue("R-1", due));
    }

    @Test
    void anOverrunAnnouncedOnSecondOctoberIsRefused() {
        policies.set(INSURER, 2027, PolicyParameters.supplementaryContracting(2027));
        given(agreed())
                .when(request("R-1", 100_000, amsterdam("2027-10-02T00:00")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("up to and including 2027-10-01"))
                .expectNoEvents();
    }

    @Test
    void supplementaryContractingHasItsOwnCap() {
        // the insurer's own financial room (seed 002 §6.2: "het financiële kader"): 25 % of the initial ceiling
        policies.set(INSURER, 2027, PolicyParameters.supplementaryContracting(2027).withIncreaseCapPercent(25));
        given(agreed())
                .when(request("R-1", 250_001, amsterdam("2027-06-01T10:00")))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("25 %"));
    }
}
