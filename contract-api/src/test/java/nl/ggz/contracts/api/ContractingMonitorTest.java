package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GET /api/reports/contracting-monitor (DESIGN.md §5, seed 003): figures across all insurers, so each test compares
 * the figures before and after what it did.
 */
class ContractingMonitorTest extends ReportingTest {

    @Test
    void monitorCountsContractsCeilingsStopsAndIncreaseRequestsPerProviderType() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        awaitReportingCaughtUp();
        JsonNode before = monitor(YEAR).path("byProviderType");
        JsonNode beforeNextYear = monitor(YEAR + 1).path("byProviderType");

        // independents (two-year terms): one at its ceiling with a 20-day stop for that reason and an approved
        // increase; one with a rejected and an open increase request; one offer never signed
        String atCeiling = signed(insurer, "INDEPENDENT", "94100001", YEAR, YEAR + 1, 400_000);
        exhaustCeiling(atCeiling, 400_000);
        stop(atCeiling, "CEILING_REACHED", day(YEAR, 6, 1), day(YEAR, 6, 20));
        approve(atCeiling, requestIncrease(atCeiling, 100_000), 100_000);
        String asking = signed(insurer, "INDEPENDENT", "94100002", YEAR, YEAR + 1, 400_000);
        reject(asking, requestIncrease(asking, 50_000));
        requestIncrease(asking, 60_000);
        offered(insurer, "INDEPENDENT", "94100003", YEAR, YEAR + 1, 400_000);
        // a hospital ward at its ceiling that stopped for lack of staff, not because of the ceiling
        String ward = signed(insurer, "HOSPITAL_WARD", "94100004", YEAR, YEAR, 800_000);
        exhaustCeiling(ward, 800_000);
        stop(ward, "CAPACITY", day(YEAR, 5, 1), null);
        // an institution below its ceiling with a five-month stop; a declined offer
        String institution = signed(insurer, "INSTITUTION", "94100005", YEAR, YEAR, 5_000_000);
        stop(institution, "CAPACITY", day(YEAR, 2, 1), day(YEAR, 6, 30));
        String declined = offered(insurer, "INSTITUTION", "94100006", YEAR, YEAR, 5_000_000);
        api.post("/api/contracts/" + declined + "/declination", Map.of("reason", "tariff too low"));

        await().untilAsserted(() -> assertThat(difference(before, monitor(YEAR).path("byProviderType")))
                .isEqualTo(Map.ofEntries(
                        Map.entry("INSTITUTION.contracts", 1L),
                        Map.entry("INSTITUTION.stopsByReason.CAPACITY", 1L),
                        Map.entry("INSTITUTION.stopsByDuration.OVER_3_MONTHS", 1L),
                        Map.entry("INDEPENDENT.contracts", 2L),
                        Map.entry("INDEPENDENT.contractsAtCeiling", 1L),
                        Map.entry("INDEPENDENT.contractsAtCeilingWithStop", 1L),
                        Map.entry("INDEPENDENT.stopsByReason.CEILING_REACHED", 1L),
                        Map.entry("INDEPENDENT.stopsByDuration.UNDER_1_MONTH", 1L),
                        Map.entry("INDEPENDENT.increaseRequests", 3L),
                        Map.entry("INDEPENDENT.increaseRequestsHonoured", 1L),
                        Map.entry("INDEPENDENT.increaseRequestsRejected", 1L),
                        // rejected with grounds only, no listed reason (issue 15, seed 003: why requests were refused)
                        Map.entry("INDEPENDENT.rejectionReasons.NONE_STATED", 1L),
                        Map.entry("INDEPENDENT.decisionLeadTimes.WITHIN_4_WEEKS", 2L),
                        Map.entry("INDEPENDENT.decisionLeadTimes.OPEN", 1L),
                        Map.entry("HOSPITAL_WARD.contracts", 1L),
                        Map.entry("HOSPITAL_WARD.contractsAtCeiling", 1L),
                        Map.entry("HOSPITAL_WARD.stopsByReason.CAPACITY", 1L),
                        Map.entry("HOSPITAL_WARD.stopsByDuration.ONGOING", 1L))));
        // the independents' second year counts their contracts, nothing else happened in it
        assertThat(difference(beforeNextYear, monitor(YEAR + 1).path("byProviderType")))
                .isEqualTo(Map.of("INDEPENDENT.contracts", 2L));
        assertSharesFollowTheCounts(monitor(YEAR));
        // the ward's capacity stop is not one "because of the ceiling", but it is a stop the insurer knows of
        JsonNode report = patientStops(insurer, YEAR);
        assertThat(report.path("contractsAtCeiling").asLong()).isEqualTo(2);
        assertThat(report.path("ceilingsExhaustedWithoutStop").asLong()).isZero();
    }

    @Test
    void terminatedContractCountsOnlyForTheYearsBeforeItsTermination() {
        String insurer = newInsurer();
        awaitReportingCaughtUp();
        JsonNode before = monitor(YEAR).path("byProviderType");
        JsonNode beforeNextYear = monitor(YEAR + 1).path("byProviderType");

        String contractId = signed(insurer, "INDEPENDENT", "94100011", YEAR, YEAR + 1, 400_000);
        Api.Response terminated = api.post("/api/contracts/" + contractId + "/termination",
                Map.of("reason", "practice closed", "effectiveDate", YEAR + "-06-30"));
        assertThat(terminated.status()).as(terminated.body().toString()).isEqualTo(200);

        await().untilAsserted(() -> assertThat(difference(before, monitor(YEAR).path("byProviderType")))
                .isEqualTo(Map.of("INDEPENDENT.contracts", 1L)));
        awaitReportingCaughtUp();
        assertThat(difference(beforeNextYear, monitor(YEAR + 1).path("byProviderType"))).isEmpty();
    }

    @Test
    void yearWithoutContractsShowsEveryProviderTypeWithZerosAndNoShares() {
        JsonNode monitor = monitor(2000);
        assertThat(monitor.path("year").asInt()).isEqualTo(2000);
        assertThat(monitor.path("byProviderType").properties()).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(PROVIDER_TYPES);
        for (String type : PROVIDER_TYPES) {
            JsonNode figures = monitor.path("byProviderType").path(type);
            assertThat(counts(figures).values()).as(type).containsOnly(0L);
            assertThat(counts(figures).keySet()).as(type).containsExactly(
                    "contracts", "contractsAtCeiling", "contractsAtCeilingWithStop",
                    "stopsByReason.CEILING_REACHED", "stopsByReason.CAPACITY",
                    "stopsByDuration.UNDER_1_MONTH", "stopsByDuration.ONE_TO_3_MONTHS",
                    "stopsByDuration.OVER_3_MONTHS", "stopsByDuration.ONGOING",
                    "increaseRequests", "increaseRequestsHonoured", "increaseRequestsRejected",
                    "increaseRequestsOverdue",
                    "decisionLeadTimes.WITHIN_4_WEEKS", "decisionLeadTimes.ONE_TO_3_MONTHS",
                    "decisionLeadTimes.OVER_3_MONTHS", "decisionLeadTimes.OPEN",
                    // issue 15: why requests were refused (seed 003 §4.2), and the settled years (seed 000)
                    "rejectionReasons.ALTERNATIVE_CARE_AVAILABLE", "rejectionReasons.DUTY_OF_CARE_MET",
                    "rejectionReasons.COST_NOT_JUSTIFIED", "rejectionReasons.PRODUCTION_MONITOR_MISSING",
                    "rejectionReasons.INCOMPLETE_REQUEST", "rejectionReasons.CARE_STANDARDS_NOT_MET",
                    "rejectionReasons.NO_GROWTH_OR_UNFORESEEN_CIRCUMSTANCES", "rejectionReasons.NO_FINANCIAL_ROOM",
                    "rejectionReasons.OTHER", "rejectionReasons.NONE_STATED",
                    "ceilingsSettled", "settledPayableCents", "settledUnpaidCents");
            for (String share : new String[]{"shareAtCeiling", "shareAtCeilingWithStop", "shareHonoured"}) {
                assertThat(figures.has(share)).as(type + "." + share).isTrue();
                assertThat(figures.path(share).isNull()).as(type + "." + share).isTrue();
            }
        }
    }

    @Test
    void missingOrMalformedYearIsA400Problem() {
        for (String query : new String[]{"", "?year=", "?year=2O27", "?year=1999", "?year=99999"}) {
            Api.Response response = api.get("/api/reports/contracting-monitor" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.text("detail")).as(query).contains("year");
        }
    }

    /** Shares are percentages with one decimal of the counts beside them, null where the denominator is 0. */
    static void assertSharesFollowTheCounts(JsonNode monitor) {
        for (String type : PROVIDER_TYPES) {
            JsonNode f = monitor.path("byProviderType").path(type);
            assertShare(f.path("shareAtCeiling"), f.path("contractsAtCeiling").asLong(), f.path("contracts").asLong());
            assertShare(f.path("shareAtCeilingWithStop"), f.path("contractsAtCeilingWithStop").asLong(),
                    f.path("contractsAtCeiling").asLong());
            assertShare(f.path("shareHonoured"), f.path("increaseRequestsHonoured").asLong(),
                    f.path("increaseRequests").asLong());
        }
    }

    private static void assertShare(JsonNode share, long part, long whole) {
        if (whole == 0) {
            assertThat(share.isNull()).isTrue();
        } else {
            BigDecimal expected = BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                    RoundingMode.HALF_UP);
            assertThat(share.decimalValue()).isEqualByComparingTo(expected);
            assertThat(share.toString()).matches("\\d+\\.\\d");
        }
    }
}
