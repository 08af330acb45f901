package nl.ggz.contracts.projections.renewal;

import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractRenewed;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.renewal.RenewableContract;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import nl.ggz.contracts.projections.ceiling.CeilingQueries;
import nl.ggz.contracts.projections.ceiling.CeilingStateProjection;
import nl.ggz.contracts.projections.contract.ContractEnding;
import nl.ggz.contracts.projections.contract.ContractQueries;
import nl.ggz.contracts.projections.contract.ContractStateProjection;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import nl.ggz.contracts.projections.contract.FindContractsEndingIn;
import nl.ggz.contracts.projections.timeline.FindTimeline;
import nl.ggz.contracts.projections.timeline.TimelineEntry;
import nl.ggz.contracts.projections.timeline.TimelineProjection;
import nl.ggz.contracts.projections.timeline.TimelineQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static nl.ggz.contracts.projections.Events.addendumSigned;
import static nl.ggz.contracts.projections.Events.agreedAll;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of renewal (seed 001: next year's offer "gebaseerd op het zorgkostenplafond van [dit jaar], inclusief
 * eventuele verhoging"): which contracts the yearly renewal finds with their ceiling in force, the contract view's
 * renewalOf and renewedAs, and the timeline's lines.
 */
class RenewalReadModelTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant SIGNED_AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant RENEWED_AT = Instant.parse("2027-10-05T09:00:00Z");
    private static final List<String> SIGNED = List.of("SIGNED", "ENDED");

    private final ContractStateProjection contracts = new ContractStateProjection(DB.jdbc());
    private final CeilingStateProjection ceilings = new CeilingStateProjection(DB.jdbc());
    private final TimelineProjection timeline = new TimelineProjection(DB.jdbc());
    private final ContractQueries contractQueries = new ContractQueries(DB.jdbc());
    private final ReadModelRenewableContracts renewable = new ReadModelRenewableContracts(contractQueries,
            new CeilingQueries(DB.jdbc()));
    private final EventFeed feed = new EventFeed(DB, contracts, ceilings, timeline);

    @BeforeEach
    void empty() {
        DB.empty(contracts, ceilings, timeline);
    }

    private ContractOffered signedContract(String contractId, String provider, ProviderType type, int firstYear,
                                           int lastYear, long ceilingCents) {
        ContractOffered offer = offered(contractId, "3311", provider, type, firstYear, lastYear, ceilingCents);
        feed.handle(offer);
        feed.at(SIGNED_AT).handle(signed(offer, SIGNED_AT));
        feed.handle(agreedAll(offer));
        return offer;
    }

    @Test
    void theContractsEndingInAYearComeWithTheCeilingOfTheirLastYearIncludingSignedRaises() {
        signedContract("C-1", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000_000);
        // seed 001: the increase is final once the provider signs the addendum, and then counts for next year
        feed.handle(addendumSigned("C-1-2027", "A-1", Instant.parse("2027-06-01T09:00:00Z"), 250_000, 1_000_000, 0));
        signedContract("C-2", "94000002", ProviderType.INDEPENDENT, 2026, 2027, 300_000);
        // ends in 2028: not this year's
        signedContract("C-3", "94000003", ProviderType.INDEPENDENT, 2027, 2028, 300_000);
        // another insurer's
        feed.handle(offered("C-4", "3343", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000));

        List<ContractEnding> ending = contractQueries.find(new FindContractsEndingIn("3311", 2027, SIGNED, null,
                null));

        assertThat(ending).extracting(ContractEnding::contractId, ContractEnding::ceilingId,
                        ContractEnding::ceilingCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-1", "C-1-2027", 1_250_000L),
                        org.assertj.core.groups.Tuple.tuple("C-2", "C-2-2027", 300_000L));
        assertThat(renewable.signedEndingIn(new InsurerCode("3311"), 2027, null, null)).containsExactly(
                new RenewableContract("C-1", new ProviderCode("94000001"), LocalDate.of(2027, 12, 31), "C-1-2027",
                        Money.cents(1_250_000)),
                new RenewableContract("C-2", new ProviderCode("94000002"), LocalDate.of(2027, 12, 31), "C-2-2027",
                        Money.cents(300_000)));
    }

    @Test
    void theRenewalFindsOnlySignedContractsOfTheProviderTypeAndKindAsked() {
        signedContract("C-1", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000_000);
        signedContract("C-2", "94000002", ProviderType.INDEPENDENT, 2026, 2027, 300_000);
        ContractOffered terminated = signedContract("C-5", "94000005", ProviderType.INSTITUTION, 2027, 2027, 10_000);
        feed.handle(new ContractTerminated(terminated.contractId(), "fraude", LocalDate.of(2027, 6, 30),
                Instant.parse("2027-06-01T09:00:00Z"), List.of("C-5-2027")));
        // an open offer, not signed
        feed.handle(offered("C-6", "3311", "94000006", ProviderType.INSTITUTION, 2027, 2027, 10_000));

        assertThat(renewable.signedEndingIn(new InsurerCode("3311"), 2027, null, null))
                .extracting(RenewableContract::contractId).containsExactly("C-1", "C-2");
        assertThat(renewable.signedEndingIn(new InsurerCode("3311"), 2027, ProviderType.INDEPENDENT, null))
                .extracting(RenewableContract::contractId).containsExactly("C-2");
        assertThat(renewable.signedEndingIn(new InsurerCode("3311"), 2027, null, ContractKind.NEGOTIATED))
                .isEmpty();
    }

    @Test
    void oneContractIsFoundWithItsLastYearsCeilingInForceOrNoneWhenItWasNotSigned() {
        signedContract("C-2", "94000002", ProviderType.INDEPENDENT, 2026, 2027, 300_000);
        feed.handle(addendumSigned("C-2-2027", "A-1", Instant.parse("2027-06-01T09:00:00Z"), 50_000, 300_000, 0));
        feed.handle(offered("C-6", "3311", "94000006", ProviderType.INSTITUTION, 2027, 2027, 10_000));

        assertThat(renewable.find("C-2")).contains(new RenewableContract("C-2", new ProviderCode("94000002"),
                LocalDate.of(2027, 12, 31), "C-2-2027", Money.cents(350_000)));
        assertThat(renewable.find("C-6")).contains(new RenewableContract("C-6", new ProviderCode("94000006"),
                LocalDate.of(2027, 12, 31), null, null));
        assertThat(renewable.find("C-404")).isEmpty();
    }

    @Test
    void theRenewedContractNamesItsRenewalAndTheRenewalTheContractItRenewsInViewAndTimeline() {
        ContractOffered old = signedContract("C-1", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000_000);
        ContractTerm next = new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31));
        ContractOffered renewal = new ContractOffered("C-R", old.insurer(), old.provider(), old.providerType(),
                old.kind(), next, old.settings(), old.tariffs(), Money.cents(1_250_000), RENEWED_AT,
                Instant.parse("2027-11-10T16:00:00Z"), Set.of(), Set.of(), "C-1");
        feed.at(RENEWED_AT).by("inkoper-3311").handle(renewal, new ContractRenewed("C-1", "C-R", next,
                Money.cents(1_250_000), "C-1-2027", "inkoper Anna", RENEWED_AT));

        ContractView renewed = contractQueries.find(new FindContract("C-1")).orElseThrow();
        ContractView offer = contractQueries.find(new FindContract("C-R")).orElseThrow();
        assertThat(renewed.renewedAs()).isEqualTo("C-R");
        assertThat(renewed.renewalOf()).isNull();
        assertThat(offer.renewalOf()).isEqualTo("C-1");
        assertThat(offer.renewedAs()).isNull();
        assertThat(offer.status()).isEqualTo("OFFERED");
        assertThat(contractQueries.find(new FindContractsEndingIn("3311", 2027, SIGNED, null, null)))
                .singleElement().extracting(ContractEnding::renewedAs).isEqualTo("C-R");

        TimelineQueries timelines = new TimelineQueries(DB.jdbc());
        assertThat(timelines.find(new FindTimeline("C-1"))).last().satisfies(line -> {
            assertThat(line.type()).isEqualTo("ContractRenewed");
            assertThat(line.description()).isEqualTo("Renewed by inkoper Anna: the term 2028-01-01 to 2028-12-31 "
                    + "offered as contract C-R with a ceiling of € 12.500,00 per year, the ceiling in force of "
                    + "C-1-2027 (raises from signed addenda included)");
            assertThat(line.amountCents()).isEqualTo(1_250_000L);
        });
        assertThat(timelines.find(new FindTimeline("C-R"))).singleElement()
                .extracting(TimelineEntry::description).asString()
                .endsWith("; offered as the renewal of contract C-1");
    }
}
