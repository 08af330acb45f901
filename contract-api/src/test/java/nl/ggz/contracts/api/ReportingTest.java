package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.projections.report.ReportingProjection;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Helpers for the report tests: contracts of a given provider type and term, exhausted ceilings, patient stops, and
 * waiting for the streaming "reporting" processor. The contracting monitor counts all insurers in a database other
 * tests share, so its tests compare figures before and after what they did ({@link #difference}).
 */
abstract class ReportingTest extends ApplicationTest {

    @Autowired
    protected Configuration axon;

    protected StreamingEventProcessor reportingProcessor() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(ReportingProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    /** Waits until every segment of the reporting processor has handled every event stored so far. */
    protected void awaitReportingCaughtUp() {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry", Long.class);
        StreamingEventProcessor reporting = reportingProcessor();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            long segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Long.class,
                    ReportingProjection.PROCESSING_GROUP);
            Map<Integer, EventTrackerStatus> status = reporting.processingStatus();
            return segments > 0 && status.size() == segments && status.values().stream()
                    .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
        });
    }

    /** Offers and signs a DIGITAL contract for the calendar years {@code firstYear} to {@code lastYear}. */
    protected String signed(String insurer, String providerType, String providerAgb, int firstYear, int lastYear,
                            long ceilingCents) {
        String contractId = offered(insurer, providerType, providerAgb, firstYear, lastYear, ceilingCents);
        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

    protected String offered(String insurer, String providerType, String providerAgb, int firstYear, int lastYear,
                             long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", ceilingCents);
        body.put("providerType", providerType);
        body.put("settings", settingsFor(providerType));
        body.put("providerAgb", providerAgb);
        body.put("termStart", firstYear + "-01-01");
        body.put("termEnd", lastYear + "-12-31");
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        return offered.text("contractId");
    }

    /** Declares the whole ceiling of {@link #YEAR} and one cent more: the ceiling is exhausted. */
    protected void exhaustCeiling(String contractId, long ceilingCents) {
        JsonNode result = declare(declarationOn("RPT-" + UUID.randomUUID(), contractId, ceilingCents + 1))
                .body().path("results").get(0);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
        assertThat(result.path("unpaidCents").asLong()).isEqualTo(1);
    }

    /** Announces a patient stop and, when {@code to} is given, lifts it; returns the stop id. */
    protected String stop(String contractId, String reason, LocalDate from, LocalDate to) {
        Api.Response announced = api.post("/api/contracts/" + contractId + "/patient-stops",
                Map.of("reason", reason, "from", from.toString()));
        assertThat(announced.status()).as(announced.body().toString()).isEqualTo(201);
        String stopId = announced.text("stopId");
        if (to != null) {
            Api.Response lifted = api.post("/api/contracts/" + contractId + "/patient-stops/" + stopId + "/lifting",
                    Map.of("to", to.toString()));
            assertThat(lifted.status()).as(lifted.body().toString()).isEqualTo(200);
        }
        return stopId;
    }

    protected String requestIncrease(String contractId, long amountCents) {
        Api.Response requested = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", amountCents, "grounds", "regional waiting list"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        return requested.text("requestId");
    }

    protected void approve(String contractId, String requestId, long amountCents) {
        Api.Response approved = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests/" + requestId
                + "/approval", Map.of("amountCents", amountCents));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
    }

    protected void reject(String contractId, String requestId) {
        Api.Response rejected = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests/" + requestId
                + "/rejection", Map.of("grounds", "care available elsewhere in the region"));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
    }

    protected JsonNode patientStops(String insurer, int year) {
        Api.Response report = api.get("/api/reports/patient-stops?insurer=" + insurer + "&year=" + year);
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        return report.body();
    }

    protected JsonNode monitor(int year) {
        Api.Response monitor = api.get("/api/reports/contracting-monitor?year=" + year);
        assertThat(monitor.status()).as(monitor.body().toString()).isEqualTo(200);
        return monitor.body();
    }

    /** Every count in the report by its path ("INDEPENDENT.stopsByReason.CAPACITY"); shares left out. */
    protected static Map<String, Long> counts(JsonNode figures) {
        Map<String, Long> counts = new LinkedHashMap<>();
        collect("", figures, counts);
        return counts;
    }

    private static void collect(String path, JsonNode node, Map<String, Long> counts) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), counts);
            }
        } else if (node.isIntegralNumber()) {
            counts.put(path, node.asLong());
        }
    }

    /** The counts that changed from {@code before} to {@code after}, with how much; unchanged ones left out. */
    protected static Map<String, Long> difference(JsonNode before, JsonNode after) {
        Map<String, Long> was = counts(before);
        Map<String, Long> changed = new LinkedHashMap<>();
        counts(after).forEach((path, value) -> {
            long delta = value - was.getOrDefault(path, 0L);
            if (delta != 0) {
                changed.put(path, delta);
            }
        });
        return changed;
    }

    protected static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    protected static final List<String> PROVIDER_TYPES = List.of("INSTITUTION", "INDEPENDENT", "HOSPITAL_WARD");
}
