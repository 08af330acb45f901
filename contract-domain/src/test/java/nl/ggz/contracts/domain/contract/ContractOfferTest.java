package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
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

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        policies = new FakePurchasingPolicies();
        fixture.registerInjectableResource(policies);
    }

    @Test
    void digitalOfferWithoutExpiryLapsesAfterTheDefaultSixWeeksAndSchedulesTheExpiry() {
        // seed 002 §5.3: the offer must be signed within six weeks (offerValidityDays 42)
        // 1 Oct 2026 10:00 summer time + 42 Dutch days = 12 Nov 2026 10:00 winter time = 09:00 UTC
        Instant expected = Instant.parse("2026-11-12T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, null))
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFF, CEILING, OFFERED_AT, expected))
                .expectScheduledDeadlineWithName(expected, Contract.OFFER_EXPIRY);
    }

    @Test
    void negotiatedOfferWithoutExpiryAlsoGetsTheDefaultOfferValidity() {
        // seed 002 §5.3: six weeks to sign
        Instant expected = Instant.parse("2026-11-12T09:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INDEPENDENT, ContractKind.NEGOTIATED, null))
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT,
                        ContractKind.NEGOTIATED, TWO_YEARS, SETTINGS, TARIFF, CEILING, OFFERED_AT, expected))
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
                d.increaseWindowStart(), d.increaseWindowEnd(), d.decisionPeriodDays(), 14, d.termYears()));
        Instant expected = Instant.parse("2026-10-15T08:00:00Z");
        fixture.givenNoPriorActivity()
                .when(offer(ProviderType.INSTITUTION, ContractKind.DIGITAL, null))
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFF, CEILING, OFFERED_AT, expected))
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
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                        ContractKind.DIGITAL, ONE_YEAR, SETTINGS, TARIFF, CEILING, OFFERED_AT, EXPIRES_AT));
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
                .expectEvents(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT,
                        ContractKind.DIGITAL, TWO_YEARS, SETTINGS, TARIFF, CEILING, OFFERED_AT, EXPIRES_AT));
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
                d.increaseWindowStart(), d.increaseWindowEnd(), d.decisionPeriodDays(), d.offerValidityDays(),
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
}
