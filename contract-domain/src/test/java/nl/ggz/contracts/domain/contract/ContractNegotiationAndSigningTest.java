package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static org.hamcrest.Matchers.containsString;

class ContractNegotiationAndSigningTest {

    private static final Instant PROPOSED_AT = Instant.parse("2026-10-10T12:00:00Z");
    private static final Money COUNTER_CEILING = Money.cents(280_000_000);
    private static final TariffPercentage COUNTER_TARIFF = TariffPercentage.of("95.00");
    /** Seed 002 §6.3: six weeks (42 Dutch days) after 10 October 2026 14:00 summer time: 21 November 13:00 UTC. */
    private static final Instant ANSWER_DUE = Instant.parse("2026-11-21T13:00:00Z");

    private AggregateTestFixture<Contract> fixture;
    private FakePurchasingPolicies policies;

    @BeforeEach
    void setUp() {
        policies = new FakePurchasingPolicies();
        fixture = fixture(policies);
    }

    @Test
    void proposalRoundsAreRefusedOnDigitalOffers() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null, PROPOSED_AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void firstProposalRoundIsNumberedOneAndCarriesTheWholeProposal() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null, PROPOSED_AT))
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFFS,
                        SETTINGS, PROPOSED_AT, ANSWER_DUE));
    }

    @Test
    void eachProposalRoundIncrementsAndKeepsWhatItDoesNotChange() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED),
                        providersProposal())
                .when(new ReviseProposal(CONTRACT_ID, Party.PURCHASER, null, COUNTER_TARIFF, settings(2, 3, 8),
                        PROPOSED_AT.plusSeconds(3600)))
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 2, Party.PURCHASER, COUNTER_CEILING,
                        Tariffs.uniform(COUNTER_TARIFF, settings(2, 3, 8)), settings(2, 3, 8),
                        PROPOSED_AT.plusSeconds(3600), null));
    }

    @Test
    void proposalThatChangesNothingIsRefused() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, null, null, null, PROPOSED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void proposalWithoutProposingPartyIsRefused() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, null, COUNTER_CEILING, null, null, PROPOSED_AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void proposalAfterTheOfferExpiredIsAStateConflict() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null, EXPIRES_AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void proposalOnASignedContractIsAStateConflict() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), signedInstitution())
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null, PROPOSED_AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void signingAnInstitutionsContractOpensOneCeilingForItsYear() {
        fixture.given(offeredToInstitution())
                .when(sign())
                .expectEvents(signedInstitution(),
                        ceilingAgreed(ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, CEILING, SETTINGS))
                // the term ends at the first moment of 1 January 2028 in Amsterdam
                .expectScheduledDeadlineWithName(Instant.parse("2027-12-31T23:00:00Z"), Contract.TERM_END);
    }

    @Test
    void signingATwoYearContractOpensOneCeilingPerCalendarYearEachOfTheFullCeiling() {
        // seed 002 §5.2: two-year term for independents; DESIGN §5: one ceiling per calendar year, each ceilingCents
        fixture.given(offeredToIndependent())
                .when(sign())
                .expectEvents(signedIndependent(),
                        ceilingAgreed(ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2027, CEILING,
                                INDEPENDENT_SETTINGS),
                        ceilingAgreed(ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2028, CEILING,
                                INDEPENDENT_SETTINGS))
                .expectScheduledDeadlineWithName(Instant.parse("2028-12-31T23:00:00Z"), Contract.TERM_END);
    }

    @Test
    void signingAcceptsTheLatestProposal() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED),
                        providersProposal(),
                        new ContractProposalRevised(CONTRACT_ID, 2, Party.PURCHASER, COUNTER_CEILING,
                                Tariffs.uniform(COUNTER_TARIFF, settings(2, 3, 8)), settings(2, 3, 8),
                                PROPOSED_AT.plusSeconds(60), null))
                .when(sign())
                .expectEvents(new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, COUNTER_CEILING,
                                Tariffs.uniform(COUNTER_TARIFF, settings(2, 3, 8)), settings(2, 3, 8),
                                List.of(CEILING_2027)),
                        ceilingAgreed(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, 2027, COUNTER_CEILING,
                                settings(2, 3, 8)));
    }

    @Test
    void signingAtTheExpiryMomentIsAStateConflict() {
        fixture.given(offeredToInstitution())
                .when(new SignContract(CONTRACT_ID, "J. de Vries", EXPIRES_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("expired"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void signingAfterTheOfferExpiredIsAStateConflict() {
        fixture.given(offeredToInstitution(), new ContractOfferExpired(CONTRACT_ID, EXPIRES_AT))
                .when(sign())
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void signingTwiceIsAStateConflict() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(sign())
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void signingWithoutASignatoryIsRefused() {
        fixture.given(offeredToInstitution())
                .when(new SignContract(CONTRACT_ID, " ", SIGNED_AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void signingADeclinedOfferIsAStateConflict() {
        fixture.given(offeredToInstitution(), new ContractDeclined(CONTRACT_ID, "tariff too low", SIGNED_AT))
                .when(sign())
                .expectException(StateConflictException.class);
    }

    // --- negotiation needs both sides (issue 14) ---

    @Test
    void providerCannotSignItsOwnProposalUntilThePurchaserAcceptsIt() {
        // seed 000: a contract is concluded "bij overeenstemming", when both sides agree
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal())
                .when(sign())
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("provider's own"))
                .expectNoEvents();
    }

    @Test
    void purchaserAcceptsTheProvidersLatestProposal() {
        Instant at = PROPOSED_AT.plusSeconds(86_400);
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal())
                .when(new AcceptProposal(CONTRACT_ID, "inkoper Anna", at))
                .expectEvents(new ContractProposalAccepted(CONTRACT_ID, 1, "inkoper Anna", at));
    }

    @Test
    void providerSignsItsProposalOnceThePurchaserAcceptedIt() {
        // seed 000: agreed by both sides, then signed
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal(),
                        new ContractProposalAccepted(CONTRACT_ID, 1, "inkoper Anna", PROPOSED_AT.plusSeconds(60)))
                .when(sign())
                .expectEvents(new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, COUNTER_CEILING,
                                TARIFFS, SETTINGS, List.of(CEILING_2027)),
                        ceilingAgreed(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, 2027, COUNTER_CEILING,
                                SETTINGS));
    }

    @Test
    void aNewProposalOfTheProviderAfterAcceptanceNeedsAcceptanceAgain() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal(),
                        new ContractProposalAccepted(CONTRACT_ID, 1, "inkoper Anna", PROPOSED_AT.plusSeconds(60)),
                        new ContractProposalRevised(CONTRACT_ID, 2, Party.PROVIDER, Money.cents(300_000_000),
                                TARIFFS, SETTINGS, PROPOSED_AT.plusSeconds(120), ANSWER_DUE.plusSeconds(120)))
                .when(sign())
                .expectException(StateConflictException.class);
    }

    @Test
    void acceptingWhenTheTermsOnTheTableAreTheInsurersOwnIsAStateConflict() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new AcceptProposal(CONTRACT_ID, "inkoper Anna", PROPOSED_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("insurer's own"))
                .expectNoEvents();
    }

    @Test
    void acceptingTwiceIsAStateConflict() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal(),
                        new ContractProposalAccepted(CONTRACT_ID, 1, "inkoper Anna", PROPOSED_AT.plusSeconds(60)))
                .when(new AcceptProposal(CONTRACT_ID, "inkoper Anna", PROPOSED_AT.plusSeconds(120)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void acceptingAfterTheOfferExpiredIsAStateConflict() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED), providersProposal())
                .when(new AcceptProposal(CONTRACT_ID, "inkoper Anna", EXPIRES_AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void providersQuoteNotAnsweredWithinSixWeeksIsRecordedOverdue() {
        // seed 002 §6.3: "Zorgverzekeraar reageert binnen zes weken op de offerte"
        Instant expires = Instant.parse("2026-12-31T16:00:00Z");
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, expires))
                .andGivenCommands(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null,
                        PROPOSED_AT))
                .whenTimeAdvancesTo(ANSWER_DUE)
                .expectTriggeredDeadlinesWithName(Contract.PROPOSAL_ANSWER_DUE)
                .expectEvents(new ContractProposalAnswerOverdue(CONTRACT_ID, 1, ANSWER_DUE));
    }

    @Test
    void quoteAnsweredByANewProposalOfTheInsurerIsNotRecordedOverdue() {
        Instant expires = Instant.parse("2026-12-31T16:00:00Z");
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, expires))
                .andGivenCommands(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null,
                                PROPOSED_AT),
                        new ReviseProposal(CONTRACT_ID, Party.PURCHASER, Money.cents(265_000_000), null, null,
                                PROPOSED_AT.plusSeconds(86_400)))
                .whenTimeAdvancesTo(ANSWER_DUE.plusSeconds(60))
                .expectTriggeredDeadlinesWithName(Contract.PROPOSAL_ANSWER_DUE)
                .expectNoEvents();
    }

    @Test
    void quoteAcceptedInTimeIsNotRecordedOverdue() {
        Instant expires = Instant.parse("2026-12-31T16:00:00Z");
        fixture.givenCurrentTime(OFFERED_AT)
                .andGivenCommands(offer(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, expires))
                .andGivenCommands(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null,
                                PROPOSED_AT),
                        new AcceptProposal(CONTRACT_ID, "inkoper Anna", PROPOSED_AT.plusSeconds(86_400)))
                .whenTimeAdvancesTo(ANSWER_DUE.plusSeconds(60))
                .expectNoEvents();
    }

    @Test
    void quoteResponsePeriodComesFromThePolicy() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(),
                d.increaseWindowStart(), d.increaseWindowEnd(), 28, d.offerValidityDays(),
                d.termYears(), null, null, 14));
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, COUNTER_CEILING, null, null, PROPOSED_AT))
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFFS,
                        SETTINGS, PROPOSED_AT, Instant.parse("2026-10-24T12:00:00Z")))
                .expectScheduledDeadlineWithName(Instant.parse("2026-10-24T12:00:00Z"), Contract.PROPOSAL_ANSWER_DUE);
    }

    // --- settings and tariffs in proposals (issue 14) ---

    @Test
    void proposalOfASettingTheProviderTypeMayNotHaveIsRefusedNamingTheSettingAndThePolicy() {
        // seed 001: independents are contracted for setting 1 only
        fixture.given(offered(ProviderType.INDEPENDENT, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PROVIDER, null, null, settings(1, 3), PROPOSED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 3"))
                .expectExceptionMessage(containsString("policy of 3311"))
                .expectNoEvents();
    }

    @Test
    void proposalChangesTheTariffOfOneSettingAndKeepsTheOthers() {
        // seed 001: tariffs differ per setting
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PURCHASER, null, null,
                        Map.of(new Setting(3), COUNTER_TARIFF), null, PROPOSED_AT))
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 1, Party.PURCHASER, CEILING,
                        Tariffs.of(Map.of(new Setting(2), TARIFF, new Setting(3), COUNTER_TARIFF)), SETTINGS,
                        PROPOSED_AT, null));
    }

    @Test
    void proposalAddingASettingNeedsItsTariff() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .when(new ReviseProposal(CONTRACT_ID, Party.PURCHASER, null, null, settings(2, 3, 5), PROPOSED_AT))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("no tariff for setting 5"));
    }

    // --- mid-year terms and exclusions reach the ceilings (issue 14) ---

    @Test
    void signingATermThatStartsInJulyOpensItsFirstCeilingOnTheFirstOfJuly() {
        // seed 002 §5.3: the contract starts on the first day of the month; care before it is not covered
        ContractTerm fromJuly = new ContractTerm(LocalDate.of(2027, 7, 1), LocalDate.of(2028, 12, 31));
        fixture.given(offered(ProviderType.INDEPENDENT, ContractKind.DIGITAL, fromJuly, EXPIRES_AT))
                .when(sign())
                .expectEvents(signedIndependent(),
                        new CeilingAgreed(CEILING_2027, CONTRACT_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT,
                                ContractKind.DIGITAL, 2027, LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31),
                                CEILING, INDEPENDENT_SETTINGS, Set.of(), Set.of()),
                        ceilingAgreed(ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2028, CEILING,
                                INDEPENDENT_SETTINGS));
    }

    @Test
    void exclusionsOfTheOfferAreCarriedToEachCeilingAtSigning() {
        // seed 002 §5.4: left out from the start
        Set<PrestatieCode> codes = Set.of(new PrestatieCode("GR0110"));
        fixture.given(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFFS, CEILING, OFFERED_AT, EXPIRES_AT, codes,
                        settings(3)))
                .when(sign())
                .expectEvents(signedInstitution(),
                        new CeilingAgreed(CEILING_2027, CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                                ContractKind.DIGITAL, 2027, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                                CEILING, SETTINGS, codes, settings(3)));
    }

    /** The provider's counter-proposal of round 1: a higher ceiling. */
    private static ContractProposalRevised providersProposal() {
        return new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFFS, SETTINGS,
                PROPOSED_AT, ANSWER_DUE);
    }
}
