package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.shared.InsurerCode;
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
import static nl.ggz.contracts.projections.Events.exhausted;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.signed;
import static nl.ggz.contracts.projections.Events.stopAnnounced;
import static nl.ggz.contracts.projections.Events.stopLifted;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md §5 patient-stop report of one insurer and year, counted from the report tables (seed 003 §4.3). */
class PatientStopReportQueriesTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant SIGNED_AT = Instant.parse("2025-11-02T10:00:00Z");

    private final ReportingProjection reporting = new ReportingProjection(DB.jdbc());
    private final PatientStopReportQueries reports = new PatientStopReportQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, reporting);

    @BeforeEach
    void empty() {
        DB.empty(reporting);
    }

    @Test
    void theReportListsTheInsurersStopsOfTheYearWithTheirDurationAndBucket() {
        insurer3311WithStopsAround2027();

        PatientStopReport report = reports.find(new FindPatientStopReport(new InsurerCode("3311"), 2027));

        assertThat(report.stops()).containsExactly(
                // begun the year before and lifted in this one: the whole stop's duration
                new ReportedStop("C-4", "94000004", "CAPACITY", LocalDate.of(2026, 10, 1), LocalDate.of(2027, 3, 31),
                        182, "OVER_3_MONTHS"),
                new ReportedStop("C-2", "94000002", "CAPACITY", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 10),
                        10, "UNDER_1_MONTH"),
                new ReportedStop("C-1", "94000001", "CAPACITY", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 15),
                        46, "ONE_TO_3_MONTHS"),
                // 30 days is still under a month (a month is counted at its longest, 31 days)
                new ReportedStop("C-1", "94000001", "CAPACITY", LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 30),
                        30, "UNDER_1_MONTH"),
                new ReportedStop("C-2", "94000002", "CEILING_REACHED", LocalDate.of(2027, 9, 1), null, null,
                        "ONGOING"));
        assertThat(report.byReason()).containsExactly(Map.entry("CEILING_REACHED", 1L), Map.entry("CAPACITY", 4L));
        assertThat(report.byDuration()).containsExactly(Map.entry("UNDER_1_MONTH", 2L), Map.entry("ONE_TO_3_MONTHS", 1L),
                Map.entry("OVER_3_MONTHS", 1L), Map.entry("ONGOING", 1L));
        assertThat(report.openStops()).isEqualTo(1);
    }

    @Test
    void contractsAtTheCeilingThatReportedNoStopAreCounted() {
        insurer3311WithStopsAround2027();

        PatientStopReport report = reports.find(new FindPatientStopReport(new InsurerCode("3311"), 2027));

        // C-1 (with stops) and C-3 (none) ran into their 2027 ceiling; C-4's was of 2026, C-6 is another insurer's
        assertThat(report.contractsAtCeiling()).isEqualTo(2);
        assertThat(report.ceilingsExhaustedWithoutStop()).isEqualTo(1);
    }

    @Test
    void anInsurerWithoutStopsGetsEveryCategoryAtZero() {
        insurer3311WithStopsAround2027();

        PatientStopReport report = reports.find(new FindPatientStopReport(new InsurerCode("4000"), 2027));

        assertThat(report.stops()).isEmpty();
        assertThat(report.contractsAtCeiling()).isZero();
        assertThat(report.byReason()).containsExactly(Map.entry("CEILING_REACHED", 0L), Map.entry("CAPACITY", 0L));
        assertThat(report.byDuration()).containsOnlyKeys("UNDER_1_MONTH", "ONE_TO_3_MONTHS", "OVER_3_MONTHS", "ONGOING")
                .allSatisfy((bucket, count) -> assertThat(count).isZero());
    }

    /**
     * Insurer 3311: C-1, C-2, C-3 for 2027; C-4 for 2026–2027; C-5 for 2026 only; C-8 for 2026–2027 but terminated
     * from 1 January 2027. Insurer 7095: C-6.
     */
    private void insurer3311WithStopsAround2027() {
        List<ContractOffered> offers = List.of(
                offered("C-1", "3311", "94000001", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("C-2", "3311", "94000002", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("C-3", "3311", "94000003", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("C-4", "3311", "94000004", ProviderType.INDEPENDENT, 2026, 2027, 1_000),
                offered("C-5", "3311", "94000005", ProviderType.INSTITUTION, 2026, 2026, 1_000),
                offered("C-6", "7095", "94000006", ProviderType.INSTITUTION, 2027, 2027, 1_000),
                offered("C-8", "3311", "94000008", ProviderType.INDEPENDENT, 2026, 2027, 1_000));
        for (ContractOffered offer : offers) {
            feed.handle(offer, signed(offer, SIGNED_AT));
        }
        feed.handle(new ContractTerminated("C-8", "quality", LocalDate.of(2026, 12, 31), SIGNED_AT,
                List.of("C-8-2026", "C-8-2027")));
        feed.handle(exhausted("C-1-2027", 1_000, 1_000), exhausted("C-3-2027", 1_000, 1_000),
                exhausted("C-4-2026", 1_000, 1_000), exhausted("C-6-2027", 1_000, 1_000));
        stop("C-1", "S-1", CAPACITY, "2027-03-01", "2027-04-15");
        stop("C-1", "S-1b", CAPACITY, "2027-06-01", "2027-06-30");
        stop("C-2", "S-3", CAPACITY, "2027-02-01", "2027-02-10");
        stop("C-4", "S-4", CAPACITY, "2026-10-01", "2027-03-31");
        // lifted before the year began
        stop("C-5", "S-5", CAPACITY, "2026-05-01", "2026-05-10");
        // another insurer's
        stop("C-6", "S-6", CEILING_REACHED, "2027-03-01", null);
        // never lifted, but its contract no longer runs in 2027
        stop("C-8", "S-8", CAPACITY, "2026-06-01", null);
        stop("C-2", "S-2", CEILING_REACHED, "2027-09-01", null);
    }

    /** A stop announced, and lifted when {@code to} is given. */
    private void stop(String contractId, String stopId, PatientStopReason reason, String from, String to) {
        feed.handle(stopAnnounced(contractId, stopId, reason, LocalDate.parse(from)));
        if (to != null) {
            feed.handle(stopLifted(contractId, stopId, reason, LocalDate.parse(from), LocalDate.parse(to)));
        }
    }
}
