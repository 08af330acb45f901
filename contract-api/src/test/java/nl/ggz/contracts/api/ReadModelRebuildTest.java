package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live rebuild of the streaming read models ends where the live processing was: every table they own holds the same
 * rows before and after. The tables are found by name, so read models added later (monitoring_*, report_*) are
 * covered without changing this test.
 */
class ReadModelRebuildTest extends ApplicationTest {

    private static final String REBUILD = "/api/admin/read-models/rebuild";

    @Test
    void rebuildFromTheEventStoreGivesTheSameReadModels() throws Exception {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        for (int c = 0; c < 4; c++) {
            contractWithHistory(insurer, c);
        }
        awaitCaughtUp();
        Map<String, List<String>> before = dumpStreamingTables();
        assertThat(before.get("timeline_entry")).hasSizeGreaterThan(30);
        assertThat(before.get("timeline_declaration_day")).isNotEmpty();

        Api.Response started = api.post(REBUILD, Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.body().path("groups").findValuesAsText("group")).contains("timeline");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(REBUILD).body(), progress -> progress.path("done").asBoolean());
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        long events = eventCount();
        assertThat(done.path("events").asLong()).isEqualTo(events);
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        JsonNode timeline = group(done, "timeline");
        assertThat(timeline.path("done").asBoolean()).isTrue();
        assertThat(timeline.path("replaying").asBoolean()).isFalse();
        assertThat(timeline.path("position").asLong()).isGreaterThanOrEqualTo(done.path("head").asLong());
        assertThat(timeline.path("eventsReplayed").asLong()).isEqualTo(events);

        assertThat(dumpStreamingTables()).isEqualTo(before);
        assertThat(text(REBUILD)).startsWith("DONE in ").contains("rebuild", "events/s", "timeline");
    }

    @Test
    void unknownGroupIsNotFound() {
        Api.Response rebuild = api.post(REBUILD + "?group=no-such-group", Map.of());
        assertThat(rebuild.status()).isEqualTo(404);
        assertThat(rebuild.contentType()).startsWith("application/problem+json");
        assertThat(rebuild.text("detail")).contains("no-such-group");

        Api.Response stateGroup = api.post(REBUILD + "?group=contract-state", Map.of());
        assertThat(stateGroup.status()).as("subscribing groups are not rebuilt").isEqualTo(404);

        Api.Response retry = api.post("/api/admin/dead-letters/no-such-group/retry", Map.of());
        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.contentType()).startsWith("application/problem+json");
    }

    /**
     * A contract with declarations, a credit, an increase request (approved, or asked about, completed and rejected)
     * and a claw-back.
     */
    private void contractWithHistory(String insurer, int number) {
        // a provider each: one contract per insurer, provider and year (issue 14)
        String contractId = signedContract(insurer, newProvider(), 1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(declaration(contractId + "-D" + i, contractId, 20_000 + i));
        }
        assertThat(declareAll(lines).status()).isEqualTo(200);
        Map<String, Object> credit = declaration(contractId + "-D0-credit", contractId, -5_000);
        credit.put("correctsDeclarationId", contractId + "-D0");
        assertThat(declare(credit).body().path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");

        Api.Response requested = api.post(ceiling + "/increase-requests",
                Map.of("amountCents", 200_000, "grounds", "regional waiting list"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        String requestId = requested.text("requestId");
        if (number % 2 == 0) {
            Api.Response approved = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                    Map.of("amountCents", 150_000));
            assertThat(approved.status()).isEqualTo(200);
            assertThat(api.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                    Map.of("signedBy", "dr. Jansen")).status()).isEqualTo(200);
        } else {
            // issue 15: information asked and sent, then rejected for a reason the NZa counts
            assertThat(api.post(ceiling + "/increase-requests/" + requestId + "/information-request",
                    Map.of("question", "FTE?")).status()).isEqualTo(200);
            assertThat(api.post(ceiling + "/increase-requests/" + requestId + "/completion",
                    Map.of("information", "12 FTE")).status()).isEqualTo(200);
            assertThat(api.post(ceiling + "/increase-requests/" + requestId + "/rejection",
                    Map.of("grounds", "no waiting list", "reasons", List.of("DUTY_OF_CARE_MET"))).status())
                    .isEqualTo(200);
        }
        Api.Response clawBack = api.post(ceiling + "/claw-backs", Map.of("amountCents", 30_000,
                "reason", "care not delivered", "declarationIds", List.of(contractId + "-D1", contractId + "-D2")));
        assertThat(clawBack.status()).as(clawBack.body().toString()).isEqualTo(201);
    }

    /** Every streaming group has seen the last event in the store. */
    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode progress = api.get(REBUILD).body();
            long head = progress.path("head").asLong();
            assertThat(progress.path("groups")).isNotEmpty().allSatisfy(group -> {
                assertThat(group.path("caughtUp").asBoolean()).as(group.toString()).isTrue();
                assertThat(group.path("position").asLong()).as(group.toString()).isGreaterThanOrEqualTo(head);
            });
        });
    }

    /** The rows of every table a streaming read model owns, in a fixed order, as text. */
    private Map<String, List<String>> dumpStreamingTables() {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND (table_name IN ('timeline_entry', 'timeline_declaration_day')
                       OR table_name LIKE 'monitoring\\_%' OR table_name LIKE 'report\\_%'
                       OR table_name LIKE 'reporting\\_%')
                """, String.class);
        Map<String, List<String>> dump = new TreeMap<>();
        // ordered by the whole row as text: works for every column type, json included
        tables.forEach(table -> dump.put(table, jdbc.queryForList(
                "SELECT t::text FROM " + table + " t ORDER BY t::text COLLATE \"C\"", String.class)));
        return dump;
    }

    private static JsonNode group(JsonNode progress, String name) {
        for (JsonNode group : progress.path("groups")) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + progress);
    }

    private String text(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Accept", "text/plain")
                        .header("Authorization", "Bearer " + api.token(Api.Identity.operator())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return response.body();
    }
}
