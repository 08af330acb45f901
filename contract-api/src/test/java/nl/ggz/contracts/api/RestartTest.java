package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop the application and start it again on the same data folder: state and pending deadlines survive. */
class RestartTest {

    /** This application runs on the real clock (not the tests' MovableClock): its year, and care of today. */
    private static final java.time.LocalDate TODAY =
            java.time.LocalDate.now(nl.ggz.contracts.domain.shared.DomainTime.AMSTERDAM);
    private static final int YEAR = TODAY.getYear();

    @TempDir
    Path dataFolder;

    @Test
    void stateAndPendingDeadlinesSurviveARestart() {
        String contractId;
        String expiringOffer;
        JsonNode ceilingBefore;
        OffsetDateTime expiry;
        java.util.List<Object> many;

        try (ConfigurableApplicationContext app = start()) {
            Api api = Api.actingParty(port(app));
            contractId = signed(api);
            Map<String, Object> first = careOfToday("R-1", contractId, 750_000);
            assertThat(api.post("/api/declarations", Map.of("declarations", java.util.List.of(first))).status())
                    .isEqualTo(200);
            // enough events for a snapshot of the ceiling (threshold 250), so that the restart loads from it
            many = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                many.add(careOfToday("S-" + i, contractId, 100));
            }
            assertThat(api.post("/api/declarations", Map.of("declarations", many)).status()).isEqualTo(200);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class,
                    contractId + "-" + YEAR)).isPositive());
            ceilingBefore = api.get("/api/ceilings/" + contractId + "-" + YEAR).body();

            expiry = OffsetDateTime.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            // another provider: one contract per insurer, provider and year (seed 000)
            Map<String, Object> offer = offerBody("94005679");
            offer.put("offerExpiresAt", expiry.toString());
            Api.Response offered = api.post("/api/contracts", offer);
            assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
            expiringOffer = offered.text("contractId");
            assertThat(api.get("/api/contracts/" + expiringOffer).text("status")).isEqualTo("OFFERED");
        }

        try (ConfigurableApplicationContext app = start()) {
            Api api = Api.actingParty(port(app));
            JsonNode ceilingAfter = api.get("/api/ceilings/" + contractId + "-" + YEAR).body();
            assertThat(ceilingAfter.path("declaredCents").asLong()).isEqualTo(780_000);
            assertThat(ceilingAfter.path("thresholdsReached")).isEqualTo(ceilingBefore.path("thresholdsReached"));

            // the aggregate is rebuilt from its snapshot and the events after it: a repeat is still a duplicate,
            // and a new line lands on the right side of the ceiling (780,000 counted of 1,000,000)
            JsonNode results = api.post("/api/declarations", Map.of("declarations", java.util.List.of(
                    careOfToday("R-1", contractId, 750_000),
                    careOfToday("S-7", contractId, 100),
                    careOfToday("R-2", contractId, 250_000)))).body().path("results");
            assertThat(results.get(0).path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(results.get(1).path("status").asText()).isEqualTo("DUPLICATE");
            assertThat(results.get(2).path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(results.get(2).path("payableCents").asLong()).isEqualTo(220_000);
            assertThat(results.get(2).path("unpaidCents").asLong()).isEqualTo(30_000);
            JsonNode after = api.get("/api/ceilings/" + contractId + "-" + YEAR).body();
            assertThat(after.path("declaredCents").asLong()).isEqualTo(1_030_000);
            assertThat(after.path("thresholdsReached").toString()).isEqualTo("[70,100]");

            // the claims system did not see the answer before the restart and posts the same batch again
            JsonNode again = api.post("/api/declarations", Map.of("declarations", many)).body().path("results");
            assertThat(again).hasSize(300);
            again.forEach(result -> assertThat(result.path("status").asText()).isEqualTo("DUPLICATE"));
            JsonNode unchanged = api.get("/api/ceilings/" + contractId + "-" + YEAR).body();
            assertThat(unchanged.path("declaredCents").asLong()).isEqualTo(1_030_000);
            assertThat(unchanged.path("declarations").asLong()).isEqualTo(302);

            // the expiry deadline was scheduled before the restart and fires after it
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(api.get("/api/contracts/" + expiringOffer).text("status")).isEqualTo("EXPIRED"));
            JsonNode expired = api.get("/api/contracts/" + expiringOffer).body();
            assertThat(OffsetDateTime.parse(expired.path("closedAt").asText()).toInstant())
                    .isEqualTo(expiry.toInstant());
            assertThat(api.post("/api/contracts/" + expiringOffer + "/signature", Map.of()).status()).isEqualTo(409);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ContractsApplication.class).run(
                "--server.port=0",
                "--ggz.demo.enabled=false",
                // a low snapshot threshold, so that a small test history is loaded from a snapshot after the restart
                "--ggz.snapshots.ceiling-threshold=250",
                "--ggz.embedded-postgres.data-directory=" + dataFolder.resolve("postgres"));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static Map<String, Object> careOfToday(String id, String contractId, long amountCents) {
        Map<String, Object> line = ApplicationTest.declaration(id, contractId, amountCents);
        line.put("treatmentDate", TODAY.toString());
        return line;
    }

    private static Map<String, Object> offerBody(String provider) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("insurerUzovi", "7095");
        body.put("providerAgb", provider);
        body.put("providerType", "INSTITUTION");
        body.put("kind", "DIGITAL");
        body.put("termStart", YEAR + "-01-01");
        body.put("termEnd", YEAR + "-12-31");
        body.put("settings", java.util.List.of(1, 2));
        body.put("tariffPercentage", "90.00");
        body.put("ceilingCents", 1_000_000);
        return body;
    }

    private static String signed(Api api) {
        String contractId = api.post("/api/contracts", offerBody("94005678")).text("contractId");
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        return contractId;
    }
}
