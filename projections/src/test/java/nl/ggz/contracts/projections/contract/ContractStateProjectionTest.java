package nl.ggz.contracts.projections.contract;

import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.Party;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import nl.ggz.contracts.projections.ceiling.CeilingStateProjection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static nl.ggz.contracts.projections.Events.agreedAll;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.signed;
import static nl.ggz.contracts.projections.Events.stopAnnounced;
import static nl.ggz.contracts.projections.Events.stopLifted;
import static org.assertj.core.api.Assertions.assertThat;

/** A contract's current state as its events make it, with the ceilings its signature opened and its patient stops. */
class ContractStateProjectionTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant SIGNED_AT = Instant.parse("2026-11-02T10:00:00Z");

    private final ContractStateProjection contracts = new ContractStateProjection(DB.jdbc());
    private final CeilingStateProjection ceilings = new CeilingStateProjection(DB.jdbc());
    private final ContractQueries queries = new ContractQueries(DB.jdbc());
    // the contract's view lists the ceilings the ceiling projection keeps: both get the events, as in the application
    private final EventFeed feed = new EventFeed(DB, contracts, ceilings);

    @BeforeEach
    void empty() {
        DB.empty(contracts, ceilings);
    }

    @Test
    void anOfferIsShownWithItsTermsAndStatusOffered() {
        ContractOffered offer = offered("C-1", 2027, 2_500_000);
        feed.handle(offer);

        assertThat(DB.jdbc().queryForMap("""
                SELECT status, insurer_uzovi, provider_agb, provider_type, kind, ceiling_cents,
                       array_to_string(settings, ',') AS settings, tariff_percentage::text AS tariff
                FROM contract_state WHERE contract_id = 'C-1'"""))
                .containsEntry("status", "OFFERED").containsEntry("insurer_uzovi", "3311")
                .containsEntry("provider_agb", "94001234").containsEntry("provider_type", "INSTITUTION")
                .containsEntry("kind", "DIGITAL").containsEntry("ceiling_cents", 2_500_000L)
                .containsEntry("settings", "2,3").containsEntry("tariff", "92.50");
        ContractView view = queries.find(new FindContract("C-1")).orElseThrow();
        assertThat(view.status()).isEqualTo("OFFERED");
        assertThat(view.termStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(view.termEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(view.settings()).containsExactly(2, 3);
        assertThat(view.tariffPercentage()).isEqualByComparingTo("92.50");
        assertThat(view.offeredAt()).isEqualTo(offer.offeredAt());
        assertThat(view.offerExpiresAt()).isEqualTo(offer.offerExpiresAt());
        assertThat(view.proposalRound()).isZero();
        assertThat(view.ceilings()).isEmpty();
        assertThat(view.signedAt()).isNull();
    }

    @Test
    void aProposalRoundReplacesTheTermsOnTheTable() {
        feed.handle(offered("C-1", 2027, 5_000_000));
        feed.handle(new ContractProposalRevised("C-1", 1, Party.PROVIDER, Money.cents(6_000_000),
                Tariffs.uniform(TariffPercentage.of("95"), Set.of(new Setting(2), new Setting(3), new Setting(5))),
                Set.of(new Setting(3), new Setting(5), new Setting(2)), Instant.parse("2026-10-10T09:00:00Z"),
                Instant.parse("2026-11-21T23:00:00Z")));

        ContractView view = queries.find(new FindContract("C-1")).orElseThrow();
        assertThat(view.proposalRound()).isEqualTo(1);
        assertThat(view.lastProposedBy()).isEqualTo("PROVIDER");
        assertThat(view.ceilingCents()).isEqualTo(6_000_000);
        assertThat(view.tariffPercentage()).isEqualByComparingTo("95.00");
        assertThat(view.settings()).containsExactly(2, 3, 5);
    }

    @Test
    void signingOpensOneCeilingPerCalendarYearOfTheTerm() {
        ContractOffered offer = offered("C-1", "3311", "94001234", ProviderType.INDEPENDENT, 2027, 2028, 200_000);
        feed.handle(offer);
        feed.at(SIGNED_AT).handle(signed(offer, SIGNED_AT));
        feed.handle(agreedAll(offer));

        ContractView view = queries.find(new FindContract("C-1")).orElseThrow();
        assertThat(view.status()).isEqualTo("SIGNED");
        assertThat(view.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(view.signedBy()).isEqualTo("dr. Jansen");
        assertThat(view.ceilings()).containsExactly(new ContractView.CeilingRef("C-1-2027", 2027, 200_000, null),
                new ContractView.CeilingRef("C-1-2028", 2028, 200_000, null));
    }

    @Test
    void anOfferClosedUnsignedSaysHowAndWhy() {
        Instant closed = Instant.parse("2026-11-15T16:00:00Z");
        feed.handle(offered("C-D", 2027, 1_000), offered("C-W", 2027, 1_000), offered("C-E", 2027, 1_000));
        feed.handle(new ContractDeclined("C-D", "tariff too low", closed),
                new ContractOfferWithdrawn("C-W", "offered in error", closed),
                new ContractOfferExpired("C-E", closed));

        assertThat(queries.find(new FindContract("C-D")).orElseThrow())
                .extracting(ContractView::status, ContractView::closedAt, ContractView::closingReason)
                .containsExactly("DECLINED", closed, "tariff too low");
        assertThat(queries.find(new FindContract("C-W")).orElseThrow())
                .extracting(ContractView::status, ContractView::closingReason)
                .containsExactly("WITHDRAWN", "offered in error");
        assertThat(queries.find(new FindContract("C-E")).orElseThrow())
                .extracting(ContractView::status, ContractView::closingReason)
                .containsExactly("EXPIRED", "the offer was not signed in time");
    }

    @Test
    void amendmentsAddUpTheirExclusionsEachOnce() {
        ContractOffered offer = offered("C-1", 2027, 1_000_000);
        feed.handle(offer, signed(offer, SIGNED_AT));
        Instant amended = Instant.parse("2027-02-01T09:00:00Z");
        feed.handle(new ContractAmended("C-1", Set.of(new PrestatieCode("CO0142")), Set.of(new Setting(3)),
                "seed 002 §5.4", amended, List.of("C-1-2027"), null, null));
        feed.handle(new ContractAmended("C-1", Set.of(new PrestatieCode("CO0142"), new PrestatieCode("AB0001")),
                Set.of(), "second round", amended, List.of("C-1-2027"), null, null));

        ContractView view = queries.find(new FindContract("C-1")).orElseThrow();
        assertThat(view.excludedPrestatieCodes()).containsExactly("AB0001", "CO0142");
        assertThat(view.excludedSettings()).containsExactly(3);
        // an amendment narrows what is declared; the contracted settings stay as signed
        assertThat(view.settings()).containsExactly(2, 3);
    }

    @Test
    void aTerminatedContractKeepsItsEffectiveDateAndAnEndedOneItsEndDate() {
        ContractOffered terminated = offered("C-T", 2027, 1_000);
        ContractOffered ended = offered("C-X", 2027, 1_000);
        feed.handle(terminated, signed(terminated, SIGNED_AT), ended, signed(ended, SIGNED_AT));
        Instant termination = Instant.parse("2027-01-20T09:00:00Z");
        Instant termEnd = Instant.parse("2027-12-31T23:00:00Z");
        feed.handle(new ContractTerminated("C-T", "quality requirements not met", LocalDate.of(2027, 1, 31),
                termination, List.of("C-T-2027")));
        // ContractEnded carries no instant of its own: the event's timestamp is when it closed
        feed.at(termEnd).handle(new ContractEnded("C-X", LocalDate.of(2027, 12, 31)));

        ContractView view = queries.find(new FindContract("C-T")).orElseThrow();
        assertThat(view.status()).isEqualTo("TERMINATED");
        assertThat(view.closedAt()).isEqualTo(termination);
        assertThat(view.closingReason()).isEqualTo("quality requirements not met");
        assertThat(view.terminationEffectiveDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(queries.find(new FindContract("C-X")).orElseThrow())
                .extracting(ContractView::status, ContractView::closedAt, ContractView::closingReason)
                .containsExactly("ENDED", termEnd, "the term ended");
        assertThat(DB.date("SELECT end_date FROM contract_state WHERE contract_id = 'C-X'"))
                .isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void patientStopsAreListedByTheirFirstDayWithTheirLifting() {
        ContractOffered offer = offered("C-1", 2027, 1_000_000);
        feed.handle(offer, signed(offer, SIGNED_AT));
        feed.handle(stopAnnounced("C-1", "S-2", PatientStopReason.CEILING_REACHED, LocalDate.of(2027, 9, 1)),
                stopAnnounced("C-1", "S-1", PatientStopReason.CAPACITY, LocalDate.of(2027, 3, 1)));
        feed.handle(stopLifted("C-1", "S-1", PatientStopReason.CAPACITY, LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 4, 15)));

        List<ContractView.PatientStopView> stops = queries.find(new FindContract("C-1")).orElseThrow().patientStops();
        assertThat(stops).extracting(ContractView.PatientStopView::stopId).containsExactly("S-1", "S-2");
        assertThat(stops.get(0).reason()).isEqualTo("CAPACITY");
        assertThat(stops.get(0).to()).isEqualTo(LocalDate.of(2027, 4, 15));
        assertThat(stops.get(0).liftedAt()).isNotNull();
        assertThat(stops.get(1).reason()).isEqualTo("CEILING_REACHED");
        assertThat(stops.get(1).to()).isNull();
        assertThat(stops.get(1).liftedAt()).isNull();
    }

    @Test
    void contractsAreListedByInsurerYearStatusAndProvider() {
        ContractOffered signedOne = offered("C-S", "3311", "94001234", ProviderType.INSTITUTION, 2027, 2027, 1_000);
        ContractOffered twoYears = offered("C-2", "3311", "94005678", ProviderType.INDEPENDENT, 2026, 2027, 2_000);
        ContractOffered nextYear = offered("C-N", "3311", "94001234", ProviderType.INSTITUTION, 2028, 2028, 3_000);
        ContractOffered otherInsurer = offered("C-O", "7095", "94001234", ProviderType.INSTITUTION, 2027, 2027, 4_000);
        feed.handle(signedOne, signed(signedOne, SIGNED_AT), twoYears, nextYear, otherInsurer);

        assertThat(ids(new FindContracts("3311", 2027, null, null, 100))).containsExactly("C-S", "C-2");
        assertThat(ids(new FindContracts("3311", null, null, null, 100))).containsExactly("C-N", "C-S", "C-2");
        assertThat(ids(new FindContracts("3311", 2027, "SIGNED", null, 100))).containsExactly("C-S");
        assertThat(ids(new FindContracts(null, 2027, null, "94001234", 100))).containsExactly("C-S", "C-O");
        assertThat(ids(new FindContracts("3311", null, null, null, 1))).containsExactly("C-N");
        assertThat(queries.find(new FindContracts("3311", 2026, null, null, 100))).singleElement()
                .isEqualTo(new ContractSummary("C-2", "3311", "94005678", "INDEPENDENT", "DIGITAL",
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), "OFFERED", 2_000));
    }

    @Test
    void aClaimsBatchGetsTheRouteOfEveryContractItNamesAndNoneForAnUnknownOne() {
        ContractOffered twoYears = offered("C-1", "3311", "94001234", ProviderType.INDEPENDENT, 2027, 2028, 200_000);
        ContractOffered unsigned = offered("C-2", 2027, 1_000);
        ContractOffered terminated = offered("C-3", 2027, 1_000);
        feed.handle(twoYears, signed(twoYears, SIGNED_AT), unsigned, terminated, signed(terminated, SIGNED_AT));
        feed.handle(agreedAll(twoYears));
        feed.handle(agreedAll(terminated));
        feed.handle(new ContractTerminated("C-3", "quality", LocalDate.of(2027, 3, 31), SIGNED_AT, List.of("C-3-2027")));

        List<DeclarationRoute> routes = queries.find(new FindDeclarationRoutes(List.of("C-1", "C-2", "C-3", "C-9")));

        assertThat(routes).containsExactlyInAnyOrder(
                new DeclarationRoute("C-1", "3311", "SIGNED", true, LocalDate.of(2027, 1, 1),
                        LocalDate.of(2028, 12, 31), List.of("C-1-2027", "C-1-2028")),
                new DeclarationRoute("C-2", "3311", "OFFERED", false, LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 12, 31), List.of()),
                // terminated, yet signed: care before the effective date is still declared on its ceiling
                new DeclarationRoute("C-3", "3311", "TERMINATED", true, LocalDate.of(2027, 1, 1),
                        LocalDate.of(2027, 12, 31), List.of("C-3-2027")));
    }

    @Test
    void aContractNeverOfferedIsNotFound() {
        assertThat(queries.find(new FindContract("no-such-contract"))).isEmpty();
    }

    private List<String> ids(FindContracts query) {
        return queries.find(query).stream().map(ContractSummary::contractId).toList();
    }
}
