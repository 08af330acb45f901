package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.ceiling.InMemoryDeclarationLedger;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static org.hamcrest.Matchers.containsString;

class ContractLifecycleTest {

    private static final Instant LATER = Instant.parse("2026-10-25T10:00:00Z");
    private static final Instant AMENDED_AT = Instant.parse("2027-03-01T10:00:00Z");
    /** The Dutch day of AMENDED_AT: an amendment without an effective date holds from then. */
    private static final LocalDate AMENDED_ON = LocalDate.of(2027, 3, 1);
    private static final PrestatieCode CO0142 = new PrestatieCode("CO0142");
    private static final PrestatieCode OV0012 = new PrestatieCode("OV0012");
    /** The first moment after a 2027–2028 term: 1 January 2029 00:00 in Amsterdam. */
    private static final Instant AFTER_TWO_YEAR_TERM = Instant.parse("2028-12-31T23:00:00Z");

    private AggregateTestFixture<Contract> fixture;
    private InMemoryDeclarationLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new InMemoryDeclarationLedger();
        fixture = fixture(new FakePurchasingPolicies(), new InMemoryContractClaims(), ledger);
    }

    // --- offer expiry (seed 002 §5.3: an offer not signed in time lapses) ---

    @Test
    void unsignedOfferExpiresWhenItsExpiryDeadlineFires() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, EXPIRES_AT))
                .whenTimeAdvancesTo(EXPIRES_AT)
                .expectTriggeredDeadlinesWithName(Contract.OFFER_EXPIRY)
                .expectEvents(new ContractOfferExpired(CONTRACT_ID, EXPIRES_AT));
    }

    @Test
    void offerDoesNotExpireBeforeItsDeadline() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, EXPIRES_AT))
                .whenTimeAdvancesTo(EXPIRES_AT.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void expiryDeadlineDoesNothingOnceTheOfferIsSigned() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, EXPIRES_AT), sign())
                .whenTimeAdvancesTo(EXPIRES_AT.plusSeconds(60))
                .expectTriggeredDeadlinesWithName(Contract.OFFER_EXPIRY)
                .expectNoEvents();
    }

    @Test
    void expiryDeadlineDoesNothingOnceTheOfferIsDeclined() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, EXPIRES_AT),
                        new DeclineContract(CONTRACT_ID, "ceiling too low", LATER))
                .whenTimeAdvancesTo(EXPIRES_AT)
                .expectTriggeredDeadlinesWithName(Contract.OFFER_EXPIRY)
                .expectNoEvents();
    }

    // --- decline / withdraw: only while offered ---

    @Test
    void providerDeclinesAnOpenOffer() {
        fixture.given(offeredToInstitution())
                .when(new DeclineContract(CONTRACT_ID, "ceiling too low", LATER))
                .expectEvents(new ContractDeclined(CONTRACT_ID, "ceiling too low", LATER));
    }

    @Test
    void declineIsRefusedOnceSigned() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new DeclineContract(CONTRACT_ID, "changed our mind", LATER))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void declineIsRefusedOnceExpired() {
        fixture.given(offeredToInstitution(), new ContractOfferExpired(CONTRACT_ID, EXPIRES_AT))
                .when(new DeclineContract(CONTRACT_ID, "too late anyway", LATER))
                .expectException(StateConflictException.class);
    }

    @Test
    void purchaserWithdrawsAnOpenOffer() {
        fixture.given(offeredToInstitution())
                .when(new WithdrawOffer(CONTRACT_ID, "sent to the wrong provider", LATER))
                .expectEvents(new ContractOfferWithdrawn(CONTRACT_ID, "sent to the wrong provider", LATER));
    }

    @Test
    void withdrawalIsRefusedOnceSigned() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new WithdrawOffer(CONTRACT_ID, "too late", LATER))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void withdrawalIsRefusedOnceDeclined() {
        fixture.given(offeredToInstitution(), new ContractDeclined(CONTRACT_ID, "no", LATER))
                .when(new WithdrawOffer(CONTRACT_ID, "too late", LATER))
                .expectException(StateConflictException.class);
    }

    @Test
    void withdrawnOfferCannotBeSigned() {
        fixture.given(offeredToInstitution(), new ContractOfferWithdrawn(CONTRACT_ID, "mistake", LATER))
                .when(sign())
                .expectException(StateConflictException.class);
    }

    // --- amendments (seed 002 §5.4: the insurer may leave prestaties or settings out) ---

    @Test
    void signedContractIsAmendedAndTheAmendmentNamesItsCeilings() {
        fixture.given(offeredToIndependent(), signedIndependent())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), settings(1), "quality mark lapsed", AMENDED_AT))
                .expectEvents(new ContractAmended(CONTRACT_ID, Set.of(CO0142), settings(1), "quality mark lapsed",
                        AMENDED_AT, List.of(CEILING_2027, CEILING_2028), AMENDED_ON, null));
    }

    @Test
    void amendmentIsRefusedWhileTheContractIsOnlyOffered() {
        fixture.given(offeredToInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "reason", AMENDED_AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void amendmentIsRefusedOnceTerminated() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractTerminated(CONTRACT_ID, "fraud", LocalDate.of(2027, 2, 28), AMENDED_AT,
                                List.of(CEILING_2027)))
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "reason", AMENDED_AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void excludedSettingMustBeOneTheContractCovers() {
        // seed 002 §5.4: parts of the contract can be left out; setting 5 was never part of it
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(), settings(5), "no clinical care", AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 5"))
                .expectNoEvents();
    }

    @Test
    void repeatingAnExclusionIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractAmended(CONTRACT_ID, Set.of(CO0142), settings(3), "first", AMENDED_AT,
                                List.of(CEILING_2027), AMENDED_ON, null))
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), settings(3), "again", AMENDED_AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void amendmentRecordsOnlyWhatWasNotExcludedBefore() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractAmended(CONTRACT_ID, Set.of(CO0142), settings(3), "first", AMENDED_AT,
                                List.of(CEILING_2027), AMENDED_ON, null))
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142, OV0012), settings(2, 3), "second",
                        AMENDED_AT.plusSeconds(60)))
                .expectEvents(new ContractAmended(CONTRACT_ID, Set.of(OV0012), settings(2), "second",
                        AMENDED_AT.plusSeconds(60), List.of(CEILING_2027), AMENDED_ON, null));
    }

    @Test
    void amendmentExcludingNothingIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(), Set.of(), "nothing", AMENDED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void amendmentWithoutReasonIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "", AMENDED_AT))
                .expectException(InvalidValueException.class);
    }

    // --- termination ---

    @Test
    void purchaserTerminatesWithAnEffectiveDateInsideTheTerm() {
        LocalDate effective = LocalDate.of(2027, 6, 30);
        fixture.given(offeredToIndependent(), signedIndependent())
                .when(new TerminateContract(CONTRACT_ID, "provider stopped practising", effective, AMENDED_AT))
                .expectEvents(new ContractTerminated(CONTRACT_ID, "provider stopped practising", effective,
                        AMENDED_AT, List.of(CEILING_2027, CEILING_2028)));
    }

    @Test
    void terminationOnTheLastDayOfTheTermIsAccepted() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2027, 12, 31), AMENDED_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void terminationEffectiveAfterTheTermIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2028, 1, 1), AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void terminationEffectiveBeforeTheTermIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2026, 12, 31), AMENDED_AT))
                .expectException(RuleViolationException.class);
    }

    @Test
    void terminationOfAnUnsignedOfferIsAStateConflict() {
        fixture.given(offeredToInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2027, 6, 30), AMENDED_AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void terminatingTwiceIsAStateConflict() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractTerminated(CONTRACT_ID, "merger", LocalDate.of(2027, 6, 30), AMENDED_AT,
                                List.of(CEILING_2027)))
                .when(new TerminateContract(CONTRACT_ID, "again", LocalDate.of(2027, 5, 31), AMENDED_AT))
                .expectException(StateConflictException.class);
    }

    // --- end of term ---

    @Test
    void signedContractEndsWhenTheTermEndDeadlineFires() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INDEPENDENT, ContractKind.DIGITAL, EXPIRES_AT), sign())
                .whenTimeAdvancesTo(AFTER_TWO_YEAR_TERM)
                .expectTriggeredDeadlinesWithName(Contract.OFFER_EXPIRY, Contract.TERM_END)
                .expectEvents(new ContractEnded(CONTRACT_ID, LocalDate.of(2028, 12, 31)));
    }

    @Test
    void contractDoesNotEndBeforeTheLastDayIsOver() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INDEPENDENT, ContractKind.DIGITAL, EXPIRES_AT), sign())
                .whenTimeAdvancesTo(AFTER_TWO_YEAR_TERM.minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void terminatedContractDoesNotEndAgainAtTermEnd() {
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INDEPENDENT, ContractKind.DIGITAL, EXPIRES_AT), sign(),
                        new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2027, 6, 30), LATER))
                .whenTimeAdvancesTo(AFTER_TWO_YEAR_TERM)
                .expectTriggeredDeadlinesWithName(Contract.OFFER_EXPIRY, Contract.TERM_END)
                .expectNoEvents();
    }

    @Test
    void endedContractCannotBeTerminated() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractEnded(CONTRACT_ID, LocalDate.of(2027, 12, 31)))
                .when(new TerminateContract(CONTRACT_ID, "late", LocalDate.of(2027, 12, 31), AMENDED_AT))
                .expectException(StateConflictException.class);
    }

    // --- amendments with an effective date (issue 14) ---

    @Test
    void amendmentTakesEffectOnTheDateItNames() {
        // seed 002 §5.4: parts left out from a date on; declarations are judged by the exclusions in force then
        LocalDate fromMay = LocalDate.of(2027, 5, 1);
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality mark lapses", fromMay, null,
                        AMENDED_AT))
                .expectEvents(new ContractAmended(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality mark lapses",
                        AMENDED_AT, List.of(CEILING_2027), fromMay, null));
    }

    @Test
    void amendmentTakingEffectBeforeTodayWithoutAReasonIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality", LocalDate.of(2027, 1, 1),
                        null, AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("backdatingReason"))
                .expectNoEvents();
    }

    @Test
    void amendmentTakingEffectBeforeTodayRecordsThePurchasersReason() {
        LocalDate fromJanuary = LocalDate.of(2027, 1, 1);
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality", fromJanuary,
                        "agreed with the provider in December", AMENDED_AT))
                .expectEvents(new ContractAmended(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality", AMENDED_AT,
                        List.of(CEILING_2027), fromJanuary, "agreed with the provider in December"));
    }

    @Test
    void amendmentEffectiveOutsideTheTermIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "quality", LocalDate.of(2028, 1, 1),
                        null, AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("outside the term"));
    }

    @Test
    void exclusionMovedToAnEarlierDateIsRecordedAgain() {
        LocalDate fromApril = LocalDate.of(2027, 4, 1);
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractAmended(CONTRACT_ID, Set.of(CO0142), Set.of(), "first", AMENDED_AT,
                                List.of(CEILING_2027), fromApril, null))
                .when(new AmendContract(CONTRACT_ID, Set.of(CO0142), Set.of(), "sooner", AMENDED_ON, null,
                        AMENDED_AT))
                .expectEvents(new ContractAmended(CONTRACT_ID, Set.of(CO0142), Set.of(), "sooner", AMENDED_AT,
                        List.of(CEILING_2027), AMENDED_ON, null));
    }

    // --- termination never below accepted care (issue 14) ---

    @Test
    void terminationBeforeTheLatestAcceptedCareIsRefusedNamingIt() {
        // seed 001: the insurer pays on the declarations it accepted within the term; the seeds are silent on
        // termination, so care already accepted stays covered
        ledger.acceptedCare(CEILING_2027, LocalDate.of(2027, 5, 14));
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2027, 4, 30), AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("2027-05-14"))
                .expectNoEvents();
    }

    @Test
    void terminationOnTheDayOfTheLatestAcceptedCareIsAccepted() {
        ledger.acceptedCare(CEILING_2027, LocalDate.of(2027, 5, 14));
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new TerminateContract(CONTRACT_ID, "merger", LocalDate.of(2027, 5, 14), AMENDED_AT))
                .expectEvents(new ContractTerminated(CONTRACT_ID, "merger", LocalDate.of(2027, 5, 14), AMENDED_AT,
                        List.of(CEILING_2027)));
    }

    @Test
    void careAcceptedInALaterYearOfTheTermAlsoHoldsTheTerminationBack() {
        ledger.acceptedCare(CEILING_2028, LocalDate.of(2028, 2, 3));
        fixture.given(offeredToIndependent(), signedIndependent())
                .when(new TerminateContract(CONTRACT_ID, "practice closes", LocalDate.of(2027, 12, 31), AMENDED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("2028-02-03"));
    }
}
