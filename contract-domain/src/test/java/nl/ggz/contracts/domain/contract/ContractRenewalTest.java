package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.ceiling.InMemoryDeclarationLedger;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.Setting;
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

/**
 * Seed 001: providers with a contract this year "komen in principe automatisch in aanmerking" for next year's, and the
 * offer "is gebaseerd op het zorgkostenplafond van [dit jaar], inclusief eventuele verhoging": the purchaser renews a
 * signed contract into an offer of the next term, to the same provider on the same terms, with the ceiling in force at
 * the end of this term (raises from signed addenda included) unless it names another.
 */
class ContractRenewalTest {

    /** 5 October 2027, 11:00 in Amsterdam: the yearly renewal, after the increase decisions of the summer. */
    private static final Instant RENEWED_AT = Instant.parse("2027-10-05T09:00:00Z");
    /** Seed 001: digital offers are accepted until 10 November 17:00. */
    private static final Instant RENEWAL_EXPIRES_AT = Instant.parse("2027-11-10T16:00:00Z");
    /** The 2027 ceiling of 2,500,000.00 raised by a signed addendum of 500,000.00. */
    private static final Money RAISED = Money.cents(300_000_000);
    private static final String RENEWAL_ID = RenewContract.renewalIdOf(CONTRACT_ID);
    private static final ContractTerm TERM_2028 = new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31));
    private static final PrestatieCode CO0142 = new PrestatieCode("CO0142");

    private AggregateTestFixture<Contract> fixture;
    private FakePurchasingPolicies policies;
    private InMemoryContractClaims claims;

    @BeforeEach
    void setUp() {
        policies = new FakePurchasingPolicies();
        claims = new InMemoryContractClaims();
        fixture = fixture(policies, claims, new InMemoryDeclarationLedger());
    }

    private static RenewContract renew(Money ceiling, String ceilingFrom) {
        return new RenewContract(CONTRACT_ID, RENEWAL_ID, ceiling, ceilingFrom, RENEWAL_EXPIRES_AT, "inkoper Anna",
                RENEWED_AT);
    }

    private static ContractOffered renewalOffered(ContractTerm term, Money ceiling, Set<Setting> settings,
                                                  Tariffs tariffs, Set<PrestatieCode> codesLeftOut,
                                                  Set<Setting> settingsLeftOut) {
        return new ContractOffered(RENEWAL_ID, INSURER, PROVIDER, ProviderType.INSTITUTION, ContractKind.DIGITAL,
                term, settings, tariffs, ceiling, RENEWED_AT, RENEWAL_EXPIRES_AT, codesLeftOut, settingsLeftOut,
                CONTRACT_ID);
    }

    @Test
    void renewalOffersTheNextYearToTheSameProviderWithTheCeilingInForceIncludingRaises() {
        // seed 001: "gebaseerd op het zorgkostenplafond van 2023, inclusief eventuele verhoging"
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(RAISED, CEILING_2027))
                .expectSuccessfulHandlerExecution()
                .expectEvents(renewalOffered(TERM_2028, RAISED, SETTINGS, TARIFFS, Set.of(), Set.of()),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, TERM_2028, RAISED, CEILING_2027, "inkoper Anna",
                                RENEWED_AT))
                .expectScheduledDeadlineWithName(RENEWAL_EXPIRES_AT, Contract.OFFER_EXPIRY);
    }

    @Test
    void renewalCarriesTheSignedTariffsPerSettingAndTheExclusionsInForceAtTheEndOfTheTerm() {
        // seed 001: a tariff per setting; seed 002 §5.4: what the contract left out stays out of the next term
        Tariffs perSetting = Tariffs.of(Map.of(new Setting(2), TariffPercentage.of("92.50"), new Setting(3),
                TariffPercentage.of("95.00")));
        fixture.given(new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, ProviderType.INSTITUTION,
                                ContractKind.DIGITAL, ONE_YEAR, SETTINGS, perSetting, CEILING, OFFERED_AT, EXPIRES_AT,
                                Set.of(), Set.of()),
                        new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, CEILING, perSetting,
                                SETTINGS, List.of(CEILING_2027)),
                        new ContractAmended(CONTRACT_ID, Set.of(CO0142), settings(3), "quality mark lapsed",
                                Instant.parse("2027-05-01T10:00:00Z"), List.of(CEILING_2027),
                                LocalDate.of(2027, 6, 1), null))
                .when(renew(CEILING, CEILING_2027))
                .expectEvents(renewalOffered(TERM_2028, CEILING, SETTINGS, perSetting, Set.of(CO0142), settings(3)),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, TERM_2028, CEILING, CEILING_2027,
                                "inkoper Anna", RENEWED_AT));
    }

    @Test
    void renewalRunsTheNewYearsPolicyTermForTheProviderType() {
        // seed 002 §5.2: independents are contracted for two years; the term is the new year's policy's, from 1 January
        ContractTerm term2029To2030 = new ContractTerm(LocalDate.of(2029, 1, 1), LocalDate.of(2030, 12, 31));
        fixture.given(offeredToIndependent(), signedIndependent())
                .when(renew(CEILING, CEILING_2028))
                .expectEvents(new ContractOffered(RENEWAL_ID, INSURER, PROVIDER, ProviderType.INDEPENDENT,
                                ContractKind.DIGITAL, term2029To2030, INDEPENDENT_SETTINGS, INDEPENDENT_TARIFFS,
                                CEILING, RENEWED_AT, RENEWAL_EXPIRES_AT, Set.of(), Set.of(), CONTRACT_ID),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, term2029To2030, CEILING, CEILING_2028,
                                "inkoper Anna", RENEWED_AT));
    }

    @Test
    void renewalTermFollowsTheNewYearsPolicyNotTheOldTermsLength() {
        // the 2028 policy contracts institutions for two years (seed 001 and 003: multi-year agreements)
        PolicyParameters twoYears = new PolicyParameters(List.of(70, 100), 50,
                PolicyParameters.defaults(2028).increaseWindowStart(), PolicyParameters.defaults(2028)
                .increaseWindowEnd(), 28, 42, Map.of(ProviderType.INSTITUTION, 2));
        policies.set(INSURER, 2028, twoYears);
        ContractTerm term2028To2029 = new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2029, 12, 31));
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(RAISED, CEILING_2027))
                .expectEvents(renewalOffered(term2028To2029, RAISED, SETTINGS, TARIFFS, Set.of(), Set.of()),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, term2028To2029, RAISED, CEILING_2027,
                                "inkoper Anna", RENEWED_AT));
    }

    @Test
    void renewalWithTheCeilingThePurchaserSetRecordsNoCeilingItCameFrom() {
        Money own = Money.cents(275_000_000);
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(own, null))
                .expectEvents(renewalOffered(TERM_2028, own, SETTINGS, TARIFFS, Set.of(), Set.of()),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, TERM_2028, own, null, "inkoper Anna",
                                RENEWED_AT));
    }

    @Test
    void renewalWithoutAnExpiryIsOpenForTheNewYearsPolicysOfferValidity() {
        // seed 002 §5.3: six weeks; 42 days after 5 October 2027 11:00 summer time is 16 November 10:00 UTC
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new RenewContract(CONTRACT_ID, RENEWAL_ID, RAISED, CEILING_2027, null, "inkoper Anna",
                        RENEWED_AT))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadlineWithName(Instant.parse("2027-11-16T10:00:00Z"), Contract.OFFER_EXPIRY);
    }

    @Test
    void anEndedContractIsRenewedToo() {
        fixture.given(offeredToInstitution(), signedInstitution(), new ContractEnded(CONTRACT_ID,
                        LocalDate.of(2027, 12, 31)))
                .when(new RenewContract(CONTRACT_ID, RENEWAL_ID, RAISED, CEILING_2027, null, "inkoper Anna",
                        Instant.parse("2028-01-05T09:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void renewalIsRefusedWhenTheProviderHasAContractForTheNextYearAlreadyNamingIt() {
        // one contract per insurer, provider and year (seed 000: the yearly contract)
        claims.claim(INSURER, PROVIDER, 2028, "c-other");
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(RAISED, CEILING_2027))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("c-other"))
                .expectNoEvents();
    }

    @Test
    void aContractIsRenewedOnlyOnceAndTheSecondRenewalNamesTheFirst() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractRenewed(CONTRACT_ID, RENEWAL_ID, TERM_2028, RAISED, CEILING_2027, "inkoper Anna",
                                RENEWED_AT))
                .when(renew(RAISED, CEILING_2027))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("renewed already, as contract " + RENEWAL_ID))
                .expectNoEvents();
    }

    @Test
    void anOpenOfferIsNotRenewed() {
        fixture.given(offeredToInstitution())
                .when(renew(RAISED, CEILING_2027))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("it is offered"))
                .expectNoEvents();
    }

    @Test
    void aTerminatedContractIsNotRenewed() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        new ContractTerminated(CONTRACT_ID, "fraude", LocalDate.of(2027, 6, 30),
                                Instant.parse("2027-06-01T10:00:00Z"), List.of(CEILING_2027)))
                .when(renew(RAISED, CEILING_2027))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("it is terminated"))
                .expectNoEvents();
    }

    @Test
    void aDeclinedOfferIsNotRenewed() {
        fixture.given(offeredToInstitution(), new ContractDeclined(CONTRACT_ID, "te laag", SIGNED_AT))
                .when(renew(RAISED, CEILING_2027))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("it is declined"))
                .expectNoEvents();
    }

    @Test
    void renewalWithoutAPositiveCeilingIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(Money.cents(0), null))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }

    @Test
    void renewalIsRefusedWhereTheNewYearsPolicyNoLongerContractsASettingForTheProviderType() {
        // seed 001: the settings per provider type are the new year's policy's (here: institutions only setting 2)
        PolicyParameters defaults = PolicyParameters.defaults(2028);
        policies.set(INSURER, 2028, new PolicyParameters(defaults.thresholdPercents(), 50,
                defaults.increaseWindowStart(), defaults.increaseWindowEnd(), 28, 42, defaults.termYears(), null,
                Map.of(ProviderType.INSTITUTION, Set.of(new Setting(2))), 42));
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(renew(RAISED, CEILING_2027))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("setting 3"))
                .expectNoEvents();
    }
}
