package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.ceiling.InMemoryDeclarationLedger;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static nl.ggz.contracts.domain.support.Satisfying.satisfying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ContractOfferTest {

    private AggregateTestFixture<Contract> fixture;
    private FakePurchasingPolicies policies;
    private InMemoryContractClaims claims;

    @BeforeEach
    void setUp() {
        policies = new FakePurchasingPolicies();
        claims = new InMemoryContractClaims();
        fixture = fixture(policies, claims, new InMemoryDeclarationLedger());
    }

    @Test
    void digitalOfferWithoutExpiryLapsesAfterTheDefaultSixWeeksAndSchedulesTheExpiry() {
        // seed 002 §5.3: the offer must be signed within six weeks (offerValidityDays 42)
        // 1 Oct 2026 10:00 summer time + 42 Dutch days = 12 Nov 2026 10:00 winter time = 09:00 UTC
        Instant expected = Instant.parse("2026-11-12T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, null))
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL, ONE_YEAR, expected))
                .expectScheduledDeadlineWithName(expected, Contract.OFFER_EXPIRY);
    }

    @Test
    void negotiatedOfferWithoutExpiryAlsoGetsTheDefaultOfferValidity() {
        // seed 002 §5.3: six weeks to sign
        Instant expected = Instant.parse("2026-11-12T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, ContractKind.NEGOTIATED, null))
                .expectEvents(offered(ProviderType.INDEPENDENT, ContractKind.NEGOTIATED, TWO_YEARS, expected))
                .expectScheduledDeadlineWithName(expected, Contract.OFFER_EXPIRY);
    }

    @Test
    void offerWithAnExpiryKeepsItAndSchedulesTheExpiryThen() {
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.NEGOTIATED, EXPIRES_AT))
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED))
                .expectScheduledDeadlineWithName(EXPIRES_AT, Contract.OFFER_EXPIRY);
    }

    @Test
    void offerValidityComesFromTheInsurersPolicyForTheTermsFirstYear() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(),
                d.increaseWindowStart(), d.increaseWindowEnd(), 28, 14, d.termYears()));
        Instant expected = Instant.parse("2026-10-15T08:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, null))
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL, ONE_YEAR, expected))
                .expectScheduledDeadlineWithName(expected, Contract.OFFER_EXPIRY);
    }

    @Test
    void offerWhoseExpiryHasPassedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, OFFERED_AT.minusSeconds(1)))
                .expectException(RuleViolationException.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void offerExpiringAtTheMomentItIsMadeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, OFFERED_AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void offerForATermThatIsOverAlreadyIsRefused() {
        ContractTerm past = new ContractTerm(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, past))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("over already"));
    }

    @Test
    void institutionIsContractedForOneCalendarYear() {
        // seed 002 §5.2: institutions 1 year
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ONE_YEAR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL, ONE_YEAR, EXPIRES_AT));
    }

    @Test
    void institutionOfferedTwoYearsIsRefused() {
        // seed 002 §5.2: institutions 1 year
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, TWO_YEARS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("1 calendar year"))
                .expectNoEvents();
    }

    @Test
    void independentPractitionerIsContractedForTwoCalendarYears() {
        // seed 002 §5.2: independents (vrijgevestigden) 2 years
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, TWO_YEARS))
                .expectEvents(offered(ProviderType.INDEPENDENT, ContractKind.DIGITAL, TWO_YEARS, EXPIRES_AT));
    }

    @Test
    void independentPractitionerOfferedOneYearIsRefused() {
        // seed 002 §5.2: independents 2 years
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, ONE_YEAR))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("2 calendar years"))
                .expectNoEvents();
    }

    @Test
    void hospitalWardIsContractedForOneCalendarYear() {
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.HOSPITAL_WARD, TWO_YEARS))
                .expectException(RuleViolationException.class);
    }

    @Test
    void termLengthPerProviderTypeIsAPolicyParameter() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(),
                d.increaseWindowStart(), d.increaseWindowEnd(), 28, d.offerValidityDays(),
                Map.of(ProviderType.INSTITUTION, 2)));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, TWO_YEARS))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void offerWithoutSettingsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, Set.of(), TARIFF, CEILING, EXPIRES_AT, OFFERED_AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void offerWithoutPositiveCeilingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFF, Money.ZERO, EXPIRES_AT, OFFERED_AT))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void offerWithoutProviderTypeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, null,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFF, CEILING, EXPIRES_AT, OFFERED_AT))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("providerType"));
    }

    @Test
    void independentOfferCoversBothCalendarYearsOfItsTerm() {
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, ContractKind.DIGITAL, EXPIRES_AT))
                .expectEventsMatching(satisfying(events -> {
                    List<?> messages = (List<?>) events;
                    assertThat(messages).hasSize(1);
                    ContractOffered event = (ContractOffered) ((EventMessage<?>) messages.get(0)).getPayload();
                    assertThat(event.offeredAt()).isEqualTo(OFFERED_AT);
                    assertThat(event.term().calendarYears()).containsExactly(2027, 2028);
                }));
    }

    // --- one contract per insurer, provider and year (issue 14) ---

    @Test
    void offerOverlappingAnOpenOrSignedContractOfTheSameInsurerAndProviderIsAConflictNamingIt() {
        // seed 000: the yearly contract: one per insurer, provider and year
        claims.claim(INSURER, PROVIDER, 2028, "c-earlier");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, ContractKind.DIGITAL, EXPIRES_AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("c-earlier"))
                .expectExceptionMessage(containsString("2028"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void offerForAYearTheProviderHasNoContractForIsMade() {
        // a contract of the year before, or with another insurer, holds no year of this term
        claims.claim(INSURER, PROVIDER, 2026, "c-last-year");
        claims.claim(new nl.ggz.contracts.domain.shared.InsurerCode("7095"), PROVIDER, 2027, "c-other-insurer");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, EXPIRES_AT))
                .expectSuccessfulHandlerExecution();
    }

    // --- terms (issue 14) ---

    @Test
    void termStartingOnTheFirstOfJulyIsOfferedAndRunsToTheEndOfTheYear() {
        // seed 002 §5.3: "per de eerste kalenderdag van de maand van aanvraag"
        ContractTerm fromJuly = new ContractTerm(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, fromJuly))
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL, fromJuly, EXPIRES_AT));
    }

    @Test
    void independentTermStartingMidYearRunsTwoCalendarYears() {
        // seed 002 §5.2 and §5.3: independents 2 years, from the first day of the month of application
        ContractTerm fromMarch = new ContractTerm(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 12, 31));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, fromMarch))
                .expectEvents(offered(ProviderType.INDEPENDENT, ContractKind.DIGITAL, fromMarch, EXPIRES_AT));
    }

    @Test
    void multiYearTermIsOfferedUpToThePolicysLongestTerm() {
        // seed 001: VGZ is open to multi-year agreements; seed 003: the NZa wants them back (maxTermYears)
        policies.set(INSURER, 2027, policy(Map.of(ProviderType.INSTITUTION, 3), null, 42));
        ContractTerm threeYears = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, threeYears))
                .expectEvents(offered(ProviderType.INSTITUTION, ContractKind.DIGITAL, threeYears, EXPIRES_AT));
    }

    @Test
    void termLongerThanThePolicysLongestTermIsRefused() {
        policies.set(INSURER, 2027, policy(Map.of(ProviderType.INSTITUTION, 2), null, 42));
        ContractTerm threeYears = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, threeYears))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("1 to 2 calendar years"))
                .expectNoEvents();
    }

    // --- settings per provider type (issue 14) ---

    @Test
    void independentOfferedSetting2IsRefusedNamingTheSettingAndThePolicy() {
        // seed 001: "voor vrijgevestigden ... alleen zorg in voor setting 1"
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT, ContractKind.DIGITAL,
                        TWO_YEARS, settings(1, 2), TARIFF, CEILING, EXPIRES_AT, OFFERED_AT))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 2"))
                .expectExceptionMessage(containsString("purchasing policy of 3311 for 2027"))
                .expectNoEvents();
    }

    @Test
    void settingsPerProviderTypeComeFromThePolicyAndATypeLeftOutMayHaveEverySetting() {
        // seed 002 §5.1: a small institution gets the monodisciplinary setting (2) only
        policies.set(INSURER, 2027, policy(null, Map.of(ProviderType.INSTITUTION, settings(2)), 42));
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ONE_YEAR))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 3"));
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT, ContractKind.DIGITAL,
                        TWO_YEARS, settings(1, 2, 3), TARIFF, CEILING, EXPIRES_AT, OFFERED_AT))
                .expectSuccessfulHandlerExecution();
    }

    // --- tariffs per setting (issue 14) ---

    @Test
    void offerRecordsATariffPerSetting() {
        // seed 001: "een gedifferentieerd tariefpercentage" per setting; tariffPercentage holds for the others
        Map<Setting, TariffPercentage> bySetting = Map.of(new Setting(3), TariffPercentage.of("95.00"));
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, TARIFF, bySetting, CEILING, EXPIRES_AT, OFFERED_AT, null, null))
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, Tariffs.of(Map.of(new Setting(2), TARIFF,
                        new Setting(3), TariffPercentage.of("95.00"))), CEILING, OFFERED_AT, EXPIRES_AT, Set.of(),
                        Set.of()));
    }

    @Test
    void settingWithoutATariffIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, null, Map.of(new Setting(2), TARIFF), CEILING, EXPIRES_AT, OFFERED_AT,
                        null, null))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("no tariff for setting 3"));
    }

    @Test
    void tariffForASettingTheOfferDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, TARIFF, Map.of(new Setting(5), TARIFF), CEILING, EXPIRES_AT, OFFERED_AT,
                        null, null))
                .expectException(InvalidValueException.class)
                .expectExceptionMessage(containsString("setting 5"));
    }

    // --- exclusions in the offer (issue 14) ---

    @Test
    void offerLeavesOutPrestatiesAndSettingsFromTheStart() {
        // seed 002 §5.4: "bepaalde onderdelen of prestaties van een zorgovereenkomst niet af te sluiten"
        Set<PrestatieCode> codes = Set.of(new PrestatieCode("GR0110"));
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, TARIFF, null, CEILING, EXPIRES_AT, OFFERED_AT, codes, settings(3)))
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFFS, CEILING, OFFERED_AT, EXPIRES_AT, codes,
                        settings(3)));
    }

    @Test
    void offerExcludingASettingItDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, TARIFF, null, CEILING, EXPIRES_AT, OFFERED_AT, null, settings(5)))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 5"));
    }

    @Test
    void offerExcludingEverySettingItCoversIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OfferContract(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                        ONE_YEAR, SETTINGS, TARIFF, null, CEILING, EXPIRES_AT, OFFERED_AT, null, SETTINGS))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("covers no care"));
    }

    private static PolicyParameters policy(Map<ProviderType, Integer> maxTermYears,
                                           Map<ProviderType, Set<Setting>> settingsByProviderType,
                                           int quoteResponseDays) {
        PolicyParameters d = PolicyParameters.defaults(2027);
        return new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(), d.increaseWindowStart(),
                d.increaseWindowEnd(), 28, d.offerValidityDays(), d.termYears(), maxTermYears,
                settingsByProviderType, quoteResponseDays);
    }
}
