package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.hamcrest.Matchers.containsString;

/** Increase requests (verhogingsaanvragen): window, cap, decision and its deadline. */
class IncreaseRequestTest extends CeilingFixtureBase {

    /** 3 May 2027, 11:00 in Amsterdam. */
    private static final Instant REQUESTED_AT = Instant.parse("2027-05-03T09:00:00Z");
    /** Four weeks later, at the end of the due day: 31 May 2027 24:00 in Amsterdam. */
    private static final Instant DUE = Instant.parse("2027-05-31T22:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2027-05-20T12:00:00Z");
    /** 1 April 2027 00:00 and 31 July 2027 17:00 in Amsterdam (summer time, UTC+2). */
    private static final Instant WINDOW_OPENS = Instant.parse("2027-03-31T22:00:00Z");
    private static final Instant WINDOW_CLOSES = Instant.parse("2027-07-31T15:00:00Z");

    private static RequestIncrease request(String id, long cents, Instant at) {
        return new RequestIncrease(CEILING_ID, id, Money.cents(cents), "waiting lists over 14 weeks", at);
    }

    private static IncreaseRequested requested(String id, long cents, Instant at) {
        return new IncreaseRequested(CEILING_ID, id, Money.cents(cents), "waiting lists over 14 weeks", at,
                PolicyParameters.defaults(2027).decisionDueAt(ContractKind.DIGITAL, at));
    }

    // --- window (seed 001: from 1 April until 31 July 17:00) ---

    @Test
    void increaseRequestInsideTheWindowIsAcceptedWithADecisionDueAtTheEndOfTheTwentyEighthDay() {
        // seed 001: a digital contract's request is decided within 4 weeks, due at the end of the due day
        given(agreed())
                .when(request("R-1", 300_000, REQUESTED_AT))
                .expectEvents(new IncreaseRequested(CEILING_ID, "R-1", Money.cents(300_000),
                        "waiting lists over 14 weeks", REQUESTED_AT, DUE))
                .expectScheduledDeadline(DUE, new DecisionDue("R-1", DUE))
                .expectScheduledDeadlineWithName(DUE, CeilingAgreement.DECISION_DEADLINE);
    }

    @Test
    void increaseRequestBeforeFirstAprilIsRefused() {
        // seed 001: requests from 1 April
        given(agreed())
                .when(request("R-1", 300_000, WINDOW_OPENS.minusSeconds(1)))
                .expectException(RuleViolationException.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void increaseWindowOpensAtMidnightOfFirstAprilInAmsterdam() {
        // seed 001: from 1 April
        given(agreed())
                .when(request("R-1", 300_000, WINDOW_OPENS))
                .expectEvents(requested("R-1", 300_000, WINDOW_OPENS));
    }

    @Test
    void increaseRequestAtThirtyFirstJulySeventeenHundredIsRefused() {
        // seed 001: "tot 31 juli 2024 17.00 uur"
        given(agreed())
                .when(request("R-1", 300_000, WINDOW_CLOSES))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("accepted from"))
                .expectNoEvents();
    }

    @Test
    void increaseRequestJustBeforeTheWindowClosesIsAccepted() {
        // seed 001: until 31 July 17:00
        given(agreed())
                .when(request("R-1", 300_000, WINDOW_CLOSES.minusSeconds(1)))
                .expectEvents(requested("R-1", 300_000, WINDOW_CLOSES.minusSeconds(1)));
    }

    @Test
    void increaseWindowAndDecisionPeriodComeFromTheInsurersPolicy() {
        // a policy of 30 days and a September window: due at the end of 10 October
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(),
                Instant.parse("2027-08-31T22:00:00Z"), Instant.parse("2027-09-30T22:00:00Z"), 30,
                d.offerValidityDays(), d.termYears()));
        Instant at = Instant.parse("2027-09-10T08:00:00Z");
        given(agreed())
                .when(request("R-1", 300_000, at))
                .expectEvents(new IncreaseRequested(CEILING_ID, "R-1", Money.cents(300_000),
                        "waiting lists over 14 weeks", at, Instant.parse("2027-10-10T22:00:00Z")));
    }

    @Test
    void requestInTheDefaultWindowIsRefusedWhenThePolicyMovedIt() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(),
                Instant.parse("2027-08-31T22:00:00Z"), Instant.parse("2027-09-30T22:00:00Z"), 30,
                d.offerValidityDays(), d.termYears()));
        given(agreed())
                .when(request("R-1", 300_000, REQUESTED_AT))
                .expectException(RuleViolationException.class);
    }

    // --- cap (seed 001: at most +50 % of the initially agreed ceiling) ---

    @Test
    void increaseAboveHalfOfInitialCeilingIsRefused() {
        // seed 001: maximum increase of 50 % of the initial ceiling
        given(agreed())
                .when(request("R-1", 500_001, REQUESTED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("cap"))
                .expectNoEvents();
    }

    @Test
    void increaseOfExactlyHalfOfInitialCeilingIsAccepted() {
        // seed 001: +50 %
        given(agreed())
                .when(request("R-1", 500_000, REQUESTED_AT))
                .expectEvents(requested("R-1", 500_000, REQUESTED_AT));
    }

    @Test
    void capCountsPendingRequests() {
        // seed 001: the cap holds for all increases of the year together
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(request("R-2", 200_001, REQUESTED_AT.plusSeconds(60)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString(Money.cents(200_000).toString()));
    }

    @Test
    void pendingRequestsLeaveTheRestOfTheCap() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(request("R-2", 200_000, REQUESTED_AT.plusSeconds(60)))
                .expectEvents(requested("R-2", 200_000, REQUESTED_AT.plusSeconds(60)));
    }

    @Test
    void capCountsEarlierApprovalsAndStaysOnTheInitialCeilingAfterItWasRaised() {
        // seed 001: 50 % of the *initial* ceiling (500,000), not of the raised 1,300,000
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(300_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(300_000), DECIDED_AT),
                new AddendumSigned(CEILING_ID, "A-1", "provider", DECIDED_AT, Money.cents(300_000), INITIAL,
                        Money.cents(1_300_000), Money.ZERO))
                .when(request("R-2", 200_001, DECIDED_AT.plusSeconds(3600)))
                .expectException(RuleViolationException.class);
    }

    @Test
    void approvedButUnsignedIncreasesCountAgainstTheCap() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(250_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(250_000), DECIDED_AT))
                .when(request("R-2", 250_001, DECIDED_AT.plusSeconds(3600)))
                .expectException(RuleViolationException.class);
    }

    @Test
    void rejectedRequestsDoNotCountAgainstTheCap() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseRejected(CEILING_ID, "R-1", "criteria not met", DECIDED_AT))
                .when(request("R-2", 500_000, DECIDED_AT.plusSeconds(3600)))
                .expectEvents(requested("R-2", 500_000, DECIDED_AT.plusSeconds(3600)));
    }

    @Test
    void increaseRequestWithoutGroundsIsRefused() {
        given(agreed())
                .when(new RequestIncrease(CEILING_ID, "R-1", Money.cents(100_000), " ", REQUESTED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void increaseRequestOfNothingIsRefused() {
        given(agreed())
                .when(request("R-1", 0, REQUESTED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void reusedRequestIdIsAStateConflict() {
        given(agreed(), requested("R-1", 100_000, REQUESTED_AT))
                .when(request("R-1", 100_000, REQUESTED_AT.plusSeconds(60)))
                .expectException(StateConflictException.class);
    }

    // --- decision ---

    @Test
    void approvalEmitsIncreaseApprovedAndOffersTheAddendum() {
        // seed 001: an approved increase is laid down in an addendum offered for signature
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(250_000), DECIDED_AT))
                .expectEvents(new IncreaseApproved(CEILING_ID, "R-1", Money.cents(250_000), "A-1", DECIDED_AT),
                        new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(250_000), DECIDED_AT));
    }

    @Test
    void approvalAboveTheRequestedAmountIsRefused() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(300_001), DECIDED_AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void approvalAboveTheCapInForceIsRefused() {
        // the insurer lowered its cap to 20 % after the request: 200,000 is the most that can still be granted
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT));
        policies.set(INSURER, 2027, PolicyParameters.defaults(2027).withIncreaseCapPercent(20));
        fixture.when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(200_001), DECIDED_AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void approvalUpToTheCapInForceIsAccepted() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT));
        policies.set(INSURER, 2027, PolicyParameters.defaults(2027).withIncreaseCapPercent(20));
        fixture.when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(200_000), DECIDED_AT))
                .expectEvents(new IncreaseApproved(CEILING_ID, "R-1", Money.cents(200_000), "A-1", DECIDED_AT),
                        new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(200_000), DECIDED_AT));
    }

    @Test
    void approvalOfNothingIsRefused() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.ZERO, DECIDED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void rejectionRecordsItsGrounds() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new RejectIncrease(CEILING_ID, "R-1", "no waiting list shown", DECIDED_AT))
                .expectEvents(new IncreaseRejected(CEILING_ID, "R-1", "no waiting list shown", DECIDED_AT));
    }

    @Test
    void rejectionWithoutGroundsIsRefused() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new RejectIncrease(CEILING_ID, "R-1", "", DECIDED_AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void decidingAnUnknownRequestIsAnUnknownReference() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT))
                .when(new RejectIncrease(CEILING_ID, "R-9", "no", DECIDED_AT))
                .expectException(UnknownReferenceException.class);
    }

    @Test
    void rejectingAnApprovedRequestIsAStateConflict() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(300_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(300_000), DECIDED_AT))
                .when(new RejectIncrease(CEILING_ID, "R-1", "changed our mind", DECIDED_AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void approvingARejectedRequestIsAStateConflict() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseRejected(CEILING_ID, "R-1", "criteria not met", DECIDED_AT))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(100_000), DECIDED_AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void approvingTwiceIsAStateConflict() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(100_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(100_000), DECIDED_AT))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-2", Money.cents(100_000), DECIDED_AT))
                .expectException(StateConflictException.class);
    }

    // --- decision deadline ---

    @Test
    void undecidedRequestIsRecordedOverdueWhenItsDecisionDeadlineFires() {
        // seed 001: decided within 4 weeks; seed 003: in practice often 1–3 months
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, REQUESTED_AT))
                .whenTimeAdvancesTo(DUE)
                .expectDeadlinesMet(new DecisionDue("R-1", DUE))
                .expectEvents(new IncreaseDecisionOverdue(CEILING_ID, "R-1", DUE));
    }

    @Test
    void requestIsNotOverdueBeforeItsDecisionIsDue() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, REQUESTED_AT))
                .whenTimeAdvancesTo(DUE.minusSeconds(1))
                .expectDeadlinesMet()
                .expectNoEvents();
    }

    @Test
    void requestDecidedInTimeIsNotRecordedOverdue() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 300_000, REQUESTED_AT),
                        new RejectIncrease(CEILING_ID, "R-1", "criteria not met", DECIDED_AT))
                .whenTimeAdvancesTo(DUE)
                .expectDeadlinesMet(new DecisionDue("R-1", DUE))
                .expectNoEvents();
    }

    @Test
    void onlyTheUndecidedOfTwoRequestsIsRecordedOverdue() {
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGiven(ledger.recording(agreed()))
                .andGivenCommands(request("R-1", 100_000, REQUESTED_AT),
                        request("R-2", 100_000, REQUESTED_AT.plusSeconds(3600)),
                        new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(100_000), DECIDED_AT))
                .whenTimeAdvancesTo(DUE)
                .expectDeadlinesMet(new DecisionDue("R-1", DUE), new DecisionDue("R-2", DUE))
                .expectEvents(new IncreaseDecisionOverdue(CEILING_ID, "R-2", DUE));
    }

    @Test
    void overdueRequestCanStillBeDecided() {
        given(agreed(), requested("R-1", 300_000, REQUESTED_AT),
                new IncreaseDecisionOverdue(CEILING_ID, "R-1", DUE))
                .when(new ApproveIncrease(CEILING_ID, "R-1", "A-1", Money.cents(300_000), DUE.plusSeconds(86_400)))
                .expectEvents(new IncreaseApproved(CEILING_ID, "R-1", Money.cents(300_000), "A-1",
                                DUE.plusSeconds(86_400)),
                        new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(300_000), DUE.plusSeconds(86_400)));
    }
}
