package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nl.ggz.contracts.domain.contract.PatientStopReason.CAPACITY;
import static nl.ggz.contracts.domain.contract.PatientStopReason.CEILING_REACHED;
import static nl.ggz.contracts.projections.Events.approved;
import static nl.ggz.contracts.projections.Events.exhausted;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.rejected;
import static nl.ggz.contracts.projections.Events.requested;
import static nl.ggz.contracts.projections.Events.signed;
import static nl.ggz.contracts.projections.Events.stopAnnounced;
import static nl.ggz.contracts.projections.Events.stopLifted;
import static org.assertj.core.api.Assertions.assertThat;

/** The NZa contracting-monitor figures (seed 003) per provider type and year, across insurers. */
class ContractingMonitorQueriesTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant SIGNED_AT = Instant.parse("2025-11-02T10:00:00Z");

    private final ReportingProjection reporting = new ReportingProjection(DB.jdbc());
    private final ContractingMonitorQueries monitor = new ContractingMonitorQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, reporting);

    @BeforeEach
    void empty() {
        DB.empty(reporting);
    }

    @Test
    void theYearsSignedContractsAreCountedWithThoseAtTheCeilingAndThoseThatStoppedForIt() {
        contractsOfTwoInsurers();

        ProviderTypeFigures institutions = monitor.find(new FindContractingMonitor(2027)).byProviderType()
                .get("INSTITUTION");

        // I-1, I-2, I-3; not I-4 (never signed) nor I-5 (2026 only)
        assertThat(institutions.contracts()).isEqualTo(3);
        assertThat(institutions.contractsAtCeiling()).isEqualTo(2);
        assertThat(institutions.shareAtCeiling()).isEqualByComparingTo("66.7");
        // I-1 stopped because the ceiling was reached; I-2's stop was for lack of capacity
        assertThat(institutions.contractsAtCeilingWithStop()).isEqualTo(1);
        assertThat(institutions.shareAtCeilingWithStop()).isEqualByComparingTo("50.0");
        assertThat(institutions.stopsByReason()).containsExactly(Map.entry("CEILING_REACHED", 1L),
                Map.entry("CAPACITY", 1L));
        assertThat(institutions.stopsByDuration()).containsExactly(Map.entry("UNDER_1_MONTH", 1L),
                Map.entry("ONE_TO_3_MONTHS", 0L), Map.entry("OVER_3_MONTHS", 0L), Map.entry("ONGOING", 1L));
    }

    @Test
    void increaseRequestsAreCountedWithTheShareHonouredAndHowLongTheDecisionTookInDutchDays() {
        contractsOfTwoInsurers();

        ProviderTypeFigures institutions = monitor.find(new FindContractingMonitor(2027)).byProviderType()
                .get("INSTITUTION");

        assertThat(institutions.increaseRequests()).isEqualTo(4);
        assertThat(institutions.increaseRequestsHonoured()).isEqualTo(2);
        assertThat(institutions.increaseRequestsRejected()).isEqualTo(1);
        assertThat(institutions.shareHonoured()).isEqualByComparingTo("50.0");
        assertThat(institutions.increaseRequestsOverdue()).isEqualTo(3);
        // R-2 was decided 28 days later by the UTC date, 29 by the Dutch one: past the four weeks
        assertThat(institutions.decisionLeadTimes()).containsExactly(Map.entry("WITHIN_4_WEEKS", 1L),
                Map.entry("ONE_TO_3_MONTHS", 1L), Map.entry("OVER_3_MONTHS", 1L), Map.entry("OPEN", 1L));
    }

    @Test
    void aContractTerminatedBeforeTheYearIsNotTheYearsAndTypesWithoutContractsHaveNoShares() {
        contractsOfTwoInsurers();

        ContractingMonitor figures = monitor.find(new FindContractingMonitor(2027));

        assertThat(figures.byProviderType()).containsOnlyKeys("INSTITUTION", "INDEPENDENT", "HOSPITAL_WARD");
        ProviderTypeFigures independents = figures.byProviderType().get("INDEPENDENT");
        // N-1, terminated during the year; not N-2, terminated from its first day, nor its stop never lifted
        assertThat(independents.contracts()).isEqualTo(1);
        assertThat(independents.stopsByReason()).containsEntry("CAPACITY", 0L);
        assertThat(independents.contractsAtCeiling()).isZero();
        assertThat(independents.shareAtCeiling()).isEqualByComparingTo("0.0");
        assertThat(independents.shareAtCeilingWithStop()).isNull();
        // R-5 was decided on the 28th Dutch day; R-6 asked for 2026's ceiling
        assertThat(independents.increaseRequests()).isEqualTo(1);
        assertThat(independents.shareHonoured()).isEqualByComparingTo("100.0");
        assertThat(independents.decisionLeadTimes()).containsEntry("WITHIN_4_WEEKS", 1L);

        ProviderTypeFigures wards = figures.byProviderType().get("HOSPITAL_WARD");
        assertThat(wards.contracts()).isZero();
        assertThat(wards.shareAtCeiling()).isNull();
        assertThat(wards.shareHonoured()).isNull();
        assertThat(wards.stopsByDuration()).containsOnlyKeys("UNDER_1_MONTH", "ONE_TO_3_MONTHS", "OVER_3_MONTHS",
                "ONGOING");
    }

    @Test
    void theFiguresOfAnotherYearCountThatYearsContracts() {
        contractsOfTwoInsurers();

        Map<String, ProviderTypeFigures> figures = monitor.find(new FindContractingMonitor(2026)).byProviderType();

        assertThat(figures.get("INSTITUTION").contracts()).isEqualTo(1);
        assertThat(figures.get("INDEPENDENT").contracts()).isEqualTo(2);
        assertThat(figures.get("INDEPENDENT").increaseRequests()).isEqualTo(1);
        assertThat(figures.get("INDEPENDENT").decisionLeadTimes()).containsEntry("OPEN", 1L);
    }

    @Test
    void leadTimesCountFromTheCompleteRequestNotFromItsSubmission() {
        // seed 001: "wanneer de verhogingsaanvraag compleet is" — waiting for the provider's information is not the
        // insurer's lead time; without it, R-7 took 41 Dutch days, from the completion 14
        ContractOffered offer = offered("I-7", "3311", "94000007", ProviderType.INSTITUTION, 2027, 2027, 1_000);
        feed.handle(offer, signed(offer, SIGNED_AT));
        Instant submitted = Instant.parse("2027-04-01T08:00:00Z");
        Instant completed = Instant.parse("2027-04-28T08:00:00Z");
        feed.handle(requested("I-7-2027", "R-7", 1_000, submitted),
                new IncreaseInformationRequested("I-7-2027", "R-7", "FTE?", Instant.parse("2027-04-03T08:00:00Z")),
                new IncreaseRequestCompleted("I-7-2027", "R-7", "12 FTE", completed,
                        Instant.parse("2027-05-26T21:59:59Z")),
                approved("I-7-2027", "R-7", 1_000, "A-7", Instant.parse("2027-05-12T08:00:00Z")));

        assertThat(monitor.find(new FindContractingMonitor(2027)).byProviderType().get("INSTITUTION")
                .decisionLeadTimes()).containsEntry("WITHIN_4_WEEKS", 1L).containsEntry("ONE_TO_3_MONTHS", 0L);
    }

    @Test
    void rejectionsAreCountedPerReasonTheyName() {
        // seed 003 §4.2: the NZa asks why requests were refused; R-2 of contractsOfTwoInsurers named none
        contractsOfTwoInsurers();
        Instant decided = Instant.parse("2027-05-20T08:00:00Z");
        feed.handle(new IncreaseRejected("I-3-2027", "R-4", "genoeg aanbod",
                List.of(RejectionReason.ALTERNATIVE_CARE_AVAILABLE, RejectionReason.DUTY_OF_CARE_MET), decided));

        ProviderTypeFigures institutions = monitor.find(new FindContractingMonitor(2027)).byProviderType()
                .get("INSTITUTION");

        assertThat(institutions.increaseRequestsRejected()).isEqualTo(2);
        assertThat(institutions.rejectionReasons()).containsEntry("ALTERNATIVE_CARE_AVAILABLE", 1L)
                .containsEntry("DUTY_OF_CARE_MET", 1L).containsEntry("NONE_STATED", 1L)
                .containsEntry("NO_FINANCIAL_ROOM", 0L);
        assertThat(institutions.rejectionReasons()).hasSize(RejectionReason.values().length + 1);
    }

    @Test
    void aContractIsAtItsCeilingByTheCeilingInForceAndSettledYearsAreCounted() {
        // issue 15: a raise that lifts the ceiling above what is counted takes the contract off the ceiling
        contractsOfTwoInsurers();
        feed.handle(new CeilingThresholdsCleared("I-2-2027", "A-3", List.of(100), true, Money.cents(1_000),
                Money.cents(2_000)));
        feed.handle(new CeilingSettled("I-1-2027", Instant.parse("2028-02-01T09:00:00Z"), Money.cents(1_000),
                Money.cents(1_000), Money.cents(1_300), Money.cents(1_000), Money.cents(300), Money.ZERO, Money.ZERO));

        ProviderTypeFigures institutions = monitor.find(new FindContractingMonitor(2027)).byProviderType()
                .get("INSTITUTION");

        assertThat(institutions.contractsAtCeiling()).isEqualTo(1);
        assertThat(institutions.ceilingsSettled()).isEqualTo(1);
        assertThat(institutions.settledPayableCents()).isEqualTo(1_000);
        assertThat(institutions.settledUnpaidCents()).isEqualTo(300);
        // exhausted again against the raised ceiling: at the ceiling again
        feed.handle(exhausted("I-2-2027", 2_000, 2_000));
        assertThat(monitor.find(new FindContractingMonitor(2027)).byProviderType().get("INSTITUTION")
                .contractsAtCeiling()).isEqualTo(2);
    }

    /**
     * Institutions: I-1 (3311) and I-2 (7095) at their 2027 ceiling, I-3 without, I-4 offered only, I-5 for 2026.
     * Independents: N-1 for 2026–2027 terminated from July 2027, N-2 for 2026–2027 terminated from 2027 on.
     */
    private void contractsOfTwoInsurers() {
        List<ContractOffered> signedOffers = List.of(
                offered("I-1", "3311", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("I-2", "7095", "94000002", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("I-3", "3311", "94000003", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("I-5", "3311", "94000005", ProviderType.INSTITUTION, 2026, 2026, 1_000),
                offered("N-1", "3311", "94000011", ProviderType.INDEPENDENT, 2026, 2027, 1_000),
                offered("N-2", "7095", "94000012", ProviderType.INDEPENDENT, 2026, 2027, 1_000));
        for (ContractOffered offer : signedOffers) {
            feed.handle(offer, signed(offer, SIGNED_AT));
        }
        feed.handle(offered("I-4", "3311", "94000004", ProviderType.INSTITUTION, 2027, 2027, 1_000));
        feed.handle(new ContractTerminated("N-1", "moved", LocalDate.of(2027, 6, 30), SIGNED_AT, List.of()),
                new ContractTerminated("N-2", "quality", LocalDate.of(2026, 12, 31), SIGNED_AT, List.of()));
        feed.handle(exhausted("I-1-2027", 1_000, 1_000), exhausted("I-2-2027", 1_000, 1_000));
        feed.handle(stopAnnounced("I-1", "S-1", CEILING_REACHED, LocalDate.of(2027, 10, 1)),
                stopAnnounced("I-2", "S-2", CAPACITY, LocalDate.of(2027, 5, 1)),
                stopAnnounced("N-2", "S-3", CAPACITY, LocalDate.of(2026, 6, 1)));
        feed.handle(stopLifted("I-2", "S-2", CAPACITY, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 20)));

        Instant april = Instant.parse("2027-04-01T08:00:00Z");
        feed.handle(requested("I-1-2027", "R-1", 1_000, april), requested("I-1-2027", "R-2", 1_000, april),
                requested("I-2-2027", "R-3", 1_000, april),
                requested("I-3-2027", "R-4", 1_000, Instant.parse("2027-05-01T08:00:00Z")),
                requested("N-1-2027", "R-5", 1_000, Instant.parse("2027-04-10T09:00:00Z")),
                requested("N-1-2026", "R-6", 1_000, Instant.parse("2026-04-10T09:00:00Z")));
        feed.handle(new IncreaseDecisionOverdue("I-1-2027", "R-2", april.plus(java.time.Duration.ofDays(28))),
                new IncreaseDecisionOverdue("I-2-2027", "R-3", april.plus(java.time.Duration.ofDays(28))),
                new IncreaseDecisionOverdue("I-3-2027", "R-4", Instant.parse("2027-05-29T08:00:00Z")));
        feed.handle(approved("I-1-2027", "R-1", 1_000, "A-1", Instant.parse("2027-04-20T08:00:00Z")),
                // 22:30 UTC on 29 April is 00:30 on 30 April in Amsterdam
                rejected("I-1-2027", "R-2", Instant.parse("2027-04-29T22:30:00Z")),
                approved("I-2-2027", "R-3", 1_000, "A-3", Instant.parse("2027-08-01T08:00:00Z")),
                // 21:30 UTC on 8 May is 23:30 the same day in Amsterdam: 28 days
                approved("N-1-2027", "R-5", 1_000, "A-5", Instant.parse("2027-05-08T21:30:00Z")));
    }
}
