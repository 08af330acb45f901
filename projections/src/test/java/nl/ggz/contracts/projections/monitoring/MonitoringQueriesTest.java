package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.Events;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.ggz.contracts.projections.Events.addendumSigned;
import static nl.ggz.contracts.projections.Events.clawBack;
import static nl.ggz.contracts.projections.Events.credited;
import static nl.ggz.contracts.projections.Events.recorded;
import static nl.ggz.contracts.projections.Events.rejected;
import static nl.ggz.contracts.projections.Events.requested;
import static nl.ggz.contracts.projections.Events.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchaser's monitoring views over the monitoring tables, on a fixed day: 10 April 2027, day 100 of 365, so the
 * even spread expects 27.4 % and the run-rate window is 11 January to 10 April (90 days).
 */
class MonitoringQueriesTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final LocalDate TODAY = LocalDate.of(2027, 4, 10);
    private static final Instant NOW = Instant.parse("2027-04-10T12:00:00Z");

    private final MonitoringProjection monitoring = new MonitoringProjection(DB.jdbc());
    private final MonitoringQueries queries = new MonitoringQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, monitoring);

    @BeforeEach
    void empty() {
        DB.empty(monitoring);
    }

    /**
     * A: 1,000,000, counted 500,000 (300,000 of it in the window); B: 400,000, counted 450,000 (over its ceiling);
     * C: 2,000,000 of an independent, nothing declared. Another insurer's ceiling and a ceiling of 2028 stand beside them.
     */
    private void threeCeilingsOfOneInsurer() {
        feed.handle(ceiling("A", "3311", "94000001", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, 1_000_000),
                ceiling("B", "3311", "94000002", ProviderType.INSTITUTION, ContractKind.NEGOTIATED, 2027, 400_000),
                ceiling("C", "3311", "94000003", ProviderType.INDEPENDENT, ContractKind.DIGITAL, 2027, 2_000_000),
                ceiling("X", "7095", "94000009", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, 100_000),
                ceiling("A", "3311", "94000001", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2028, 1_000_000));
        LocalDate beforeWindow = LocalDate.of(2027, 1, 5);
        LocalDate march = LocalDate.of(2027, 3, 1);
        feed.handle(recorded("A-2027", "A-1", 200_000, 200_000, beforeWindow),
                recorded("A-2027", "A-2", 400_000, 400_000, march),
                credited("A-2027", "A-2-credit", "A-2", 50_000, march),
                recorded("B-2027", "B-1", 450_000, 400_000, LocalDate.of(2027, 4, 1)),
                recorded("X-2027", "X-1", 99_000, 99_000, march));
        feed.handle(clawBack("A-2027", "K-1", 50_000, "A-2", Instant.parse("2027-04-01T09:00:00Z")));
        feed.at("2027-04-01T10:00:00Z").handle(threshold("B-2027", 70, 450_000, 400_000),
                threshold("B-2027", 100, 450_000, 400_000));
        // B's request is overdue by now (due 29 March); C's (due 3 May) and A's (due 6 May) are not; C's other was rejected
        feed.handle(requested("B-2027", "R-B", 200_000, Instant.parse("2027-03-01T09:00:00Z")),
                requested("C-2027", "R-C", 100_000, Instant.parse("2027-04-05T09:00:00Z")),
                requested("A-2027", "R-A", 100_000, Instant.parse("2027-04-08T09:00:00Z")),
                requested("C-2027", "R-C2", 10_000, Instant.parse("2027-04-05T09:00:00Z")),
                requested("X-2027", "R-X", 10_000, Instant.parse("2027-03-01T09:00:00Z")));
        feed.handle(rejected("C-2027", "R-C2", Instant.parse("2027-04-06T09:00:00Z")));
    }

    @Test
    void eachCeilingShowsItsFiguresPaceAndRunRateHighestUtilisationFirst() {
        threeCeilingsOfOneInsurer();

        CeilingMonitoring view = queries.find(query(null, null, null, null, null));

        assertThat(view.ceilings()).extracting(CeilingMonitoringRow::ceilingId)
                .containsExactly("B-2027", "A-2027", "C-2027");
        CeilingMonitoringRow a = view.ceilings().get(1);
        assertThat(a.declaredCents()).isEqualTo(550_000);
        assertThat(a.clawedBackCents()).isEqualTo(50_000);
        assertThat(a.payableCents()).isEqualTo(500_000);
        assertThat(a.utilisationPercent()).isEqualByComparingTo("50.00");
        assertThat(a.expectedUtilisationPercent()).isEqualByComparingTo("27.4");
        assertThat(a.pace()).isEqualTo(Pace.AHEAD);
        // 350,000 declared on 1 March less the 50,000 reclaimed on 1 April, over 90 days
        assertThat(a.recentRunRateCentsPerDay()).isEqualTo(300_000 / 90);
        // 500,000 of room at 300,000 per 90 days lasts 150 days
        assertThat(a.projectedExhaustionDate()).isEqualTo(LocalDate.of(2027, 9, 7));
        assertThat(a.openIncreaseRequests()).extracting(OpenIncreaseRequest::requestId).containsExactly("R-A");

        CeilingMonitoringRow b = view.ceilings().get(0);
        assertThat(b.payableCents()).isEqualTo(400_000);
        assertThat(b.unpaidCents()).isEqualTo(50_000);
        assertThat(b.utilisationPercent()).isEqualByComparingTo("112.50");
        assertThat(b.thresholdsReached()).containsExactly(
                new ThresholdReached(70, Instant.parse("2027-04-01T10:00:00Z")),
                new ThresholdReached(100, Instant.parse("2027-04-01T10:00:00Z")));
        // no room left: nothing to project
        assertThat(b.projectedExhaustionDate()).isNull();

        CeilingMonitoringRow c = view.ceilings().get(2);
        assertThat(c.providerType()).isEqualTo("INDEPENDENT");
        assertThat(c.pace()).isEqualTo(Pace.BEHIND);
        assertThat(c.recentRunRateCentsPerDay()).isZero();
        assertThat(c.projectedExhaustionDate()).isNull();
    }

    @Test
    void theTotalsAddUpTheRowsShownAndPayableIsCountedPerCeiling() {
        threeCeilingsOfOneInsurer();

        MonitoringTotals totals = queries.find(query(null, null, null, null, null)).totals();

        assertThat(totals.ceilings()).isEqualTo(3);
        assertThat(totals.initialCeilingCents()).isEqualTo(3_400_000);
        assertThat(totals.ceilingCents()).isEqualTo(3_400_000);
        assertThat(totals.declaredCents()).isEqualTo(1_000_000);
        assertThat(totals.clawedBackCents()).isEqualTo(50_000);
        // B's 50,000 above its own ceiling is not paid out of A's or C's room
        assertThat(totals.payableCents()).isEqualTo(900_000);
        assertThat(totals.unpaidCents()).isEqualTo(50_000);
        assertThat(totals.utilisationPercent()).isEqualByComparingTo("27.94");
        assertThat(totals.ceilingsPerThresholdReached()).isEqualTo(Map.of(70, 1, 100, 1));
        assertThat(totals.openIncreaseRequests()).isEqualTo(3);
        assertThat(totals.overdueIncreaseRequests()).isEqualTo(1);
    }

    @Test
    void filtersNarrowTheRowsAndTheTotalsWithThem() {
        threeCeilingsOfOneInsurer();

        CeilingMonitoring atLeastHalf = queries.find(query(null, null, null, new BigDecimal("50"), null));
        assertThat(atLeastHalf.ceilings()).extracting(CeilingMonitoringRow::ceilingId)
                .containsExactly("B-2027", "A-2027");
        assertThat(atLeastHalf.totals().declaredCents()).isEqualTo(1_000_000);
        assertThat(atLeastHalf.totals().ceilings()).isEqualTo(2);
        assertThat(ids(query("94000003", null, null, null, null))).containsExactly("C-2027");
        assertThat(ids(query(null, "INDEPENDENT", null, null, null))).containsExactly("C-2027");
        assertThat(ids(query(null, null, "NEGOTIATED", null, null))).containsExactly("B-2027");
    }

    @Test
    void rowsAreSortedAsThePurchaserAsks() {
        threeCeilingsOfOneInsurer();

        assertThat(ids(query(null, null, null, null, MonitoringSort.DECLARED)))
                .containsExactly("A-2027", "B-2027", "C-2027");
        assertThat(ids(query(null, null, null, null, MonitoringSort.PROVIDER)))
                .containsExactly("A-2027", "B-2027", "C-2027");
        // soonest exhaustion first; those without a projection after, by id
        assertThat(ids(query(null, null, null, null, MonitoringSort.EXHAUSTION)))
                .containsExactly("A-2027", "B-2027", "C-2027");
        assertThat(ids(query(null, null, null, null, MonitoringSort.UTILISATION)))
                .containsExactly("B-2027", "A-2027", "C-2027");
    }

    @Test
    void theQueueListsTheInsurersOpenRequestsOverdueFirstThenByDueDate() {
        threeCeilingsOfOneInsurer();

        List<OpenIncreaseRequest> queue = queries.find(new FindOpenIncreaseRequests("3311", NOW));

        assertThat(queue).extracting(OpenIncreaseRequest::requestId).containsExactly("R-B", "R-C", "R-A");
        assertThat(queue.get(0)).isEqualTo(new OpenIncreaseRequest("R-B", "B-2027", "B", "94000002", "INSTITUTION",
                "NEGOTIATED", 2027, 200_000, "regional waiting list", List.of(), "SUBMITTED",
                Instant.parse("2027-03-01T09:00:00Z"), Instant.parse("2027-03-29T09:00:00Z"), 40, true));
        assertThat(queue.get(1).overdue()).isFalse();
        assertThat(queue.get(1).daysWaiting()).isEqualTo(5);
    }

    @Test
    void theSeriesShowsTheYearMonthByMonthAgainstTheCeilingInForceAndTheEvenSpread() {
        feed.handle(ceiling("S", "3311", "94000001", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, 1_200_000));
        feed.handle(recorded("S-2027", "S-1", 300_000, 300_000, LocalDate.of(2027, 1, 15)),
                recorded("S-2027", "S-2", 400_000, 400_000, LocalDate.of(2027, 2, 10)),
                recorded("S-2027", "S-3", 700_000, 500_000, LocalDate.of(2027, 3, 3)));
        feed.handle(clawBack("S-2027", "K-1", 50_000, "S-1", Instant.parse("2027-03-15T09:00:00Z")));
        feed.at("2027-03-04T09:00:00Z").handle(threshold("S-2027", 70, 1_400_000, 1_200_000));
        feed.handle(addendumSigned("S-2027", "A-1", Instant.parse("2027-06-10T09:00:00Z"), 100_000, 1_200_000, 100_000),
                // signed after the year: it raises December's ceiling
                addendumSigned("S-2027", "A-2", Instant.parse("2028-01-15T09:00:00Z"), 10_000, 1_300_000, 10_000));

        CeilingSeries series = queries.find(new FindCeilingSeries("S-2027")).orElseThrow();

        assertThat(series.year()).isEqualTo(2027);
        assertThat(series.initialCeilingCents()).isEqualTo(1_200_000);
        List<CeilingSeries.Month> months = series.months();
        assertThat(months).extracting(CeilingSeries.Month::month).containsExactly("2027-01", "2027-02", "2027-03",
                "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09", "2027-10", "2027-11", "2027-12");
        // 1,200,000 x 31 / 365 = 101,917.8
        assertThat(months.get(0)).isEqualTo(new CeilingSeries.Month("2027-01", 300_000, 0, 0, 300_000, 300_000, 1_200_000,
                101_917));
        // 31 March is day 90: 1,200,000 x 90 / 365 = 295,890.4
        assertThat(months.get(2)).isEqualTo(new CeilingSeries.Month("2027-03", 700_000, 50_000, 0, 1_350_000, 1_200_000,
                1_200_000, 295_890));
        assertThat(months).extracting(CeilingSeries.Month::ceilingCents).containsExactly(1_200_000L, 1_200_000L,
                1_200_000L, 1_200_000L, 1_200_000L, 1_300_000L, 1_300_000L, 1_300_000L, 1_300_000L, 1_300_000L,
                1_300_000L, 1_310_000L);
        assertThat(months.get(5).cumulativePayableCents()).isEqualTo(1_300_000);
        // 30 June is day 181: 1,300,000 x 181 / 365 = 644,657.5
        assertThat(months.get(5).evenSpreadCents()).isEqualTo(644_657);
        // the even spread reaches the whole ceiling in force on 31 December
        assertThat(months.get(11).evenSpreadCents()).isEqualTo(1_310_000);
        assertThat(months.get(11).cumulativeCountedCents()).isEqualTo(1_350_000);
        assertThat(series.thresholdsReached()).containsExactly(
                new ThresholdReached(70, Instant.parse("2027-03-04T09:00:00Z")));
    }

    @Test
    void aRequestWaitingForInformationHasNoDueMomentAndIsNotOverdueByTime() {
        // seed 001: the clock stops until the request is complete; it runs again from the completion
        feed.handle(ceiling("B", "3311", "94000002", ProviderType.INSTITUTION, ContractKind.NEGOTIATED, 2027, 400_000));
        feed.handle(requested("B-2027", "R-B", 200_000, Instant.parse("2027-03-01T09:00:00Z")),
                requested("B-2027", "R-B2", 10_000, Instant.parse("2027-03-02T09:00:00Z")));
        feed.handle(new IncreaseInformationRequested("B-2027", "R-B", "productiemonitor Q1?",
                Instant.parse("2027-03-10T09:00:00Z")),
                new IncreaseInformationRequested("B-2027", "R-B2", "aantal cliënten?",
                        Instant.parse("2027-03-10T09:00:00Z")),
                new IncreaseRequestCompleted("B-2027", "R-B2", "312", Instant.parse("2027-04-01T09:00:00Z"),
                        Instant.parse("2027-05-01T22:00:00Z")));

        List<OpenIncreaseRequest> queue = queries.find(new FindOpenIncreaseRequests("3311", NOW));

        assertThat(queue).extracting(OpenIncreaseRequest::requestId, OpenIncreaseRequest::status,
                OpenIncreaseRequest::overdue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("R-B2", "COMPLETE", false),
                org.assertj.core.groups.Tuple.tuple("R-B", "INFORMATION_REQUESTED", false));
        assertThat(queue.get(1).decisionDueAt()).isNull();
        assertThat(queue.get(0).decisionDueAt()).isEqualTo(Instant.parse("2027-05-01T22:00:00Z"));
    }

    @Test
    void aRaiseClearsTheMarksTheRaisedCeilingNoLongerReachesAndASettledYearIsShown() {
        feed.handle(ceiling("A", "3311", "94000001", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, 1_000_000));
        feed.at("2027-03-01T10:00:00Z").handle(recorded("A-2027", "A-1", 1_200_000, 1_000_000, LocalDate.of(2027, 2, 1)),
                threshold("A-2027", 70, 1_200_000, 1_000_000), threshold("A-2027", 100, 1_200_000, 1_000_000));
        feed.handle(addendumSigned("A-2027", "AD-1", Instant.parse("2027-04-01T09:00:00Z"), 600_000, 1_000_000, 200_000),
                new CeilingThresholdsCleared("A-2027", "AD-1", List.of(100), true, Money.cents(1_200_000),
                        Money.cents(1_600_000)));
        // seed 000 ⓴: 300,000 reclaimed, nothing held unpaid any more
        feed.handle(new ClawBackIssued("A-2027", "K-1", Money.cents(300_000), "niet geleverd",
                List.of(new ClawBackShare("A-1", Money.cents(300_000))), Instant.parse("2027-04-02T09:00:00Z")));
        feed.handle(new CeilingSettled("A-2027", Instant.parse("2028-02-01T09:00:00Z"), Money.cents(1_000_000),
                Money.cents(1_600_000), Money.cents(1_200_000), Money.cents(900_000), Money.ZERO,
                Money.cents(300_000), Money.ZERO));

        CeilingMonitoringRow row = queries.find(query(null, null, null, null, null)).ceilings().get(0);
        assertThat(row.thresholdsReached()).extracting(ThresholdReached::percent).containsExactly(70);
        assertThat(row.clawedBackCents()).isEqualTo(300_000);
        assertThat(row.payableCents()).isEqualTo(900_000);
        assertThat(row.settledAt()).isEqualTo(Instant.parse("2028-02-01T09:00:00Z"));
        assertThat(queries.find(query(null, null, null, null, null)).totals().ceilingsSettled()).isEqualTo(1);
    }

    @Test
    void whatAClawBackTookOffTheAmountsHeldUnpaidIsWithdrawnFromTheCountedCourse() {
        feed.handle(ceiling("S", "3311", "94000001", ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027, 1_000_000));
        feed.handle(recorded("S-2027", "S-1", 1_300_000, 1_000_000, LocalDate.of(2027, 1, 15)));
        feed.handle(new ClawBackIssued("S-2027", "K-1", Money.cents(400_000), "niet geleverd",
                List.of(new ClawBackShare("S-1", Money.cents(400_000))), Instant.parse("2027-02-10T09:00:00Z"),
                Money.cents(100_000), Money.cents(300_000), false));

        CeilingSeries.Month february = queries.find(new FindCeilingSeries("S-2027")).orElseThrow().months().get(1);
        assertThat(february.clawedBackCents()).isEqualTo(100_000);
        assertThat(february.withdrawnUnpaidCents()).isEqualTo(300_000);
        assertThat(february.cumulativeCountedCents()).isEqualTo(900_000);
        CeilingMonitoringRow row = queries.find(query(null, null, null, null, null)).ceilings().get(0);
        assertThat(row.clawedBackCents()).isEqualTo(100_000);
        assertThat(row.withdrawnUnpaidCents()).isEqualTo(300_000);
        assertThat(row.utilisationPercent()).isEqualByComparingTo("90.00");
    }

    @Test
    void aCeilingNeverAgreedHasNoSeries() {
        assertThat(queries.find(new FindCeilingSeries("no-such-2027"))).isEmpty();
    }

    private static CeilingAgreed ceiling(String contractId, String insurer, String provider, ProviderType type,
                                         ContractKind kind, int year, long cents) {
        return new CeilingAgreed(contractId + "-" + year, contractId, new InsurerCode(insurer),
                new ProviderCode(provider), type, kind, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                Money.cents(cents), Events.SETTINGS, Set.of(), Set.of());
    }

    private static FindCeilingMonitoring query(String provider, String providerType, String kind,
                                               BigDecimal minUtilisation, MonitoringSort sort) {
        return new FindCeilingMonitoring("3311", 2027, provider, providerType, kind, minUtilisation, sort, TODAY, NOW);
    }

    private List<String> ids(FindCeilingMonitoring query) {
        return queries.find(query).ceilings().stream().map(CeilingMonitoringRow::ceilingId).toList();
    }
}
