package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** GET /api/reports/patient-stops (DESIGN.md §5, seed 003 §4.3), over HTTP on a real PostgreSQL. */
class PatientStopReportTest extends ReportingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reportListsTheInsurersStopsOfTheYearByReasonAndDurationWithTheContractsAtTheirCeiling() {
        String insurer = newInsurer();
        // at the ceiling, stopped for that reason for 20 days, then stopped again for lack of staff (still in force)
        String stoppedAtCeiling = signed(insurer, "INSTITUTION", "94000001", YEAR, YEAR, 1_000_000);
        exhaustCeiling(stoppedAtCeiling, 1_000_000);
        stop(stoppedAtCeiling, "CEILING_REACHED", day(YEAR, 10, 1), day(YEAR, 10, 20));
        stop(stoppedAtCeiling, "CAPACITY", day(YEAR, 11, 1), null);
        // at the ceiling without a stop reported: the signal seed 003 asks insurers to follow up
        String silentAtCeiling = signed(insurer, "INDEPENDENT", "94000002", YEAR, YEAR + 1, 500_000);
        exhaustCeiling(silentAtCeiling, 500_000);
        // below the ceiling, a two-month stop for lack of capacity
        String belowCeiling = signed(insurer, "HOSPITAL_WARD", "94000003", YEAR, YEAR, 2_000_000);
        stop(belowCeiling, "CAPACITY", day(YEAR, 3, 1), day(YEAR, 4, 30));
        // another insurer's contract at its ceiling with a stop: not in this report
        String otherInsurers = signed(newInsurer(), "INSTITUTION", "94000004", YEAR, YEAR, 1_000);
        exhaustCeiling(otherInsurers, 1_000);
        stop(otherInsurers, "CEILING_REACHED", day(YEAR, 2, 1), null);

        await().untilAsserted(() -> {
            JsonNode report = patientStops(insurer, YEAR);
            assertThat(report.path("insurer").asText()).isEqualTo(insurer);
            assertThat(report.path("year").asInt()).isEqualTo(YEAR);
            assertThat(report.path("contractsAtCeiling").asLong()).isEqualTo(2);
            assertThat(report.path("ceilingsExhaustedWithoutStop").asLong()).isEqualTo(1);
            assertThat(report.path("openStops").asLong()).isEqualTo(1);
            assertThat(report.path("stops")).containsExactly(
                    stopJson(belowCeiling, "94000003", "CAPACITY", day(YEAR, 3, 1), day(YEAR, 4, 30), 61,
                            "ONE_TO_3_MONTHS"),
                    stopJson(stoppedAtCeiling, "94000001", "CEILING_REACHED", day(YEAR, 10, 1), day(YEAR, 10, 20), 20,
                            "UNDER_1_MONTH"),
                    stopJson(stoppedAtCeiling, "94000001", "CAPACITY", day(YEAR, 11, 1), null, null, "ONGOING"));
            assertThat(report.path("byReason")).isEqualTo(JSON.valueToTree(
                    Map.of("CEILING_REACHED", 1, "CAPACITY", 2)));
            assertThat(report.path("byDuration")).isEqualTo(JSON.valueToTree(
                    Map.of("UNDER_1_MONTH", 1, "ONE_TO_3_MONTHS", 1, "OVER_3_MONTHS", 0, "ONGOING", 1)));
        });
    }

    @Test
    void durationCountsFirstAndLastDayAndBucketsAreCutAt31And92Days() {
        String insurer = newInsurer();
        String contractId = signed(insurer, "INSTITUTION", "94000011", YEAR, YEAR, 1_000_000);
        // one after the other (one stop at a time), of 1, 30, 31, 92 and 93 days
        LocalDate from = day(YEAR, 1, 1);
        for (int days : List.of(1, 30, 31, 92, 93)) {
            LocalDate to = from.plusDays(days - 1);
            stop(contractId, "CAPACITY", from, to);
            from = to.plusDays(1);
        }

        await().untilAsserted(() -> {
            JsonNode stops = patientStops(insurer, YEAR).path("stops");
            assertThat(stops).hasSize(5);
            assertThat(stops.findValues("durationDays")).extracting(JsonNode::asInt).containsExactly(1, 30, 31, 92, 93);
            assertThat(stops.findValues("bucket")).extracting(JsonNode::asText).containsExactly(
                    "UNDER_1_MONTH", "UNDER_1_MONTH", "ONE_TO_3_MONTHS", "ONE_TO_3_MONTHS", "OVER_3_MONTHS");
        });
        assertThat(patientStops(insurer, YEAR).path("byDuration")).isEqualTo(JSON.valueToTree(
                Map.of("UNDER_1_MONTH", 2, "ONE_TO_3_MONTHS", 2, "OVER_3_MONTHS", 1, "ONGOING", 0)));
    }

    @Test
    void stopCountsInEveryYearItOverlapsAndCeilingsCountInTheirOwnYear() {
        String insurer = newInsurer();
        // an independent's two-year term: one ceiling per year, only this year's exhausted
        String contractId = signed(insurer, "INDEPENDENT", "94000021", YEAR, YEAR + 1, 300_000);
        exhaustCeiling(contractId, 300_000);
        stop(contractId, "CEILING_REACHED", day(YEAR, 12, 1), day(YEAR + 1, 1, 31));
        stop(contractId, "CAPACITY", day(YEAR + 1, 3, 1), null);

        await().untilAsserted(() -> {
            JsonNode thisYear = patientStops(insurer, YEAR);
            assertThat(thisYear.path("contractsAtCeiling").asLong()).isEqualTo(1);
            // the stop across the new year overlaps this year: the ceiling did not go without a stop
            assertThat(thisYear.path("ceilingsExhaustedWithoutStop").asLong()).isZero();
            assertThat(thisYear.path("openStops").asLong()).isZero();
            assertThat(thisYear.path("stops")).containsExactly(stopJson(contractId, "94000021", "CEILING_REACHED",
                    day(YEAR, 12, 1), day(YEAR + 1, 1, 31), 62, "ONE_TO_3_MONTHS"));

            JsonNode nextYear = patientStops(insurer, YEAR + 1);
            assertThat(nextYear.path("contractsAtCeiling").asLong()).isZero();
            assertThat(nextYear.path("openStops").asLong()).isEqualTo(1);
            assertThat(nextYear.path("stops").findValues("reason")).extracting(JsonNode::asText)
                    .containsExactly("CEILING_REACHED", "CAPACITY");
        });
        JsonNode lastYear = patientStops(insurer, YEAR - 1);
        assertThat(lastYear.path("stops")).isEmpty();
        assertThat(lastYear.path("contractsAtCeiling").asLong()).isZero();
    }

    @Test
    void insurerWithoutContractsGetsAnEmptyReportWithEveryReasonAndBucket() {
        JsonNode report = patientStops(newInsurer(), YEAR);
        assertThat(report.path("contractsAtCeiling").asLong()).isZero();
        assertThat(report.path("stops")).isEmpty();
        assertThat(report.path("byReason")).isEqualTo(JSON.valueToTree(Map.of("CEILING_REACHED", 0, "CAPACITY", 0)));
        assertThat(report.path("byDuration")).isEqualTo(JSON.valueToTree(
                Map.of("UNDER_1_MONTH", 0, "ONE_TO_3_MONTHS", 0, "OVER_3_MONTHS", 0, "ONGOING", 0)));
        assertThat(report.path("ceilingsExhaustedWithoutStop").asLong()).isZero();
        assertThat(report.path("openStops").asLong()).isZero();
    }

    @Test
    void missingOrMalformedInsurerOrYearIsA400Problem() {
        assertBadRequest("/api/reports/patient-stops?year=" + YEAR, "insurer");
        assertBadRequest("/api/reports/patient-stops?insurer=&year=" + YEAR, "insurer");
        assertBadRequest("/api/reports/patient-stops?insurer=33X1&year=" + YEAR, "UZOVI");
        assertBadRequest("/api/reports/patient-stops?insurer=331&year=" + YEAR, "UZOVI");
        assertBadRequest("/api/reports/patient-stops?insurer=3311", "year");
        assertBadRequest("/api/reports/patient-stops?insurer=3311&year=twenty", "year");
        assertBadRequest("/api/reports/patient-stops?insurer=3311&year=1999", "year");
    }

    private void assertBadRequest(String path, String named) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.text("detail")).as(path).contains(named);
    }

    private static JsonNode stopJson(String contractId, String providerAgb, String reason, LocalDate from, LocalDate to,
                                     Integer durationDays, String bucket) {
        Map<String, Object> stop = new LinkedHashMap<>();
        stop.put("contractId", contractId);
        stop.put("providerAgb", providerAgb);
        stop.put("reason", reason);
        stop.put("from", from.toString());
        stop.put("to", to == null ? null : to.toString());
        stop.put("durationDays", durationDays);
        stop.put("bucket", bucket);
        return JSON.valueToTree(stop);
    }
}
