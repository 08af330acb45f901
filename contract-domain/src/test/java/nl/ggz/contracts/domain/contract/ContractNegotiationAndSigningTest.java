package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static org.hamcrest.Matchers.containsString;

class ContractNegotiationAndSigningTest {

    private static final Instant PROPOSED_AT = Instant.parse("2026-10-10T12:00:00Z");
    private static final Money COUNTER_CEILING = Money.cents(280_000_000);
    private static final TariffPercentage COUNTER_TARIFF = TariffPercentage.of("95.00");

    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(new FakePurchasingPolicies());
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
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFF,
                        SETTINGS, PROPOSED_AT));
    }

    @Test
    void eachProposalRoundIncrementsAndKeepsWhatItDoesNotChange() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED),
                        new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFF, SETTINGS,
                                PROPOSED_AT))
                .when(new ReviseProposal(CONTRACT_ID, Party.PURCHASER, null, COUNTER_TARIFF, settings(2, 3, 8),
                        PROPOSED_AT.plusSeconds(3600)))
                .expectEvents(new ContractProposalRevised(CONTRACT_ID, 2, Party.PURCHASER, COUNTER_CEILING,
                        COUNTER_TARIFF, settings(2, 3, 8), PROPOSED_AT.plusSeconds(3600)));
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
                        ceilingAgreed(ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2027, CEILING, SETTINGS),
                        ceilingAgreed(ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2028, CEILING, SETTINGS))
                .expectScheduledDeadlineWithName(Instant.parse("2028-12-31T23:00:00Z"), Contract.TERM_END);
    }

    @Test
    void signingAcceptsTheLatestProposal() {
        fixture.given(offered(ProviderType.INSTITUTION, ContractKind.NEGOTIATED),
                        new ContractProposalRevised(CONTRACT_ID, 1, Party.PROVIDER, COUNTER_CEILING, TARIFF, SETTINGS,
                                PROPOSED_AT),
                        new ContractProposalRevised(CONTRACT_ID, 2, Party.PURCHASER, COUNTER_CEILING, COUNTER_TARIFF,
                                settings(2, 3, 8), PROPOSED_AT.plusSeconds(60)))
                .when(sign())
                .expectEvents(new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, COUNTER_CEILING,
                                COUNTER_TARIFF, settings(2, 3, 8), List.of(CEILING_2027)),
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
}
