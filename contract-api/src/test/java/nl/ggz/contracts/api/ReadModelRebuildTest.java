package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.domain.contract.AmendContract;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live rebuild of the streaming read models ends where the live processing was: every table they own holds the same
 * rows before and after. The tables are found by name, so read models added later (monitoring_*, report_*) are
 * covered without changing this test. The rebuild is blue/green (issue 19): it fills a shadow schema while the live
 * tables serve, and swaps them in; an abort leaves the live tables as they were.
 */
class ReadModelRebuildTest extends ApplicationTest {

    private static final String REBUILD = "/api/admin/read-models/rebuild";
    private static final String SHADOW = "read_model_rebuild";

    @Autowired
    CommandGateway commands;

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

    /** Issue 19: the rebuilt tables are swapped in (new tables, the shadow schema gone), equal to the live ones. */
    @Test
    void aRebuildSwapsInTablesEqualToTheLiveOnesOnARandomHistory() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        int contracts = 3 + random.nextInt(4);
        for (int c = 0; c < contracts; c++) {
            randomHistory(insurer, random);
        }
        awaitCaughtUp();
        Map<String, List<String>> before = dumpStreamingTables();
        Map<String, Long> tablesBefore = tableIds(before.keySet());

        assertThat(api.post(REBUILD, Map.of()).status()).isEqualTo(202);
        JsonNode done = awaitEnd();

        assertThat(done.path("state").asText()).as("seed %d: %s", seed, done).isEqualTo("DONE");
        assertThat(done.path("swapMillis").asLong()).isNotNegative();
        assertThat(dumpStreamingTables()).as("seed %d", seed).isEqualTo(before);
        Map<String, Long> tablesAfter = tableIds(before.keySet());
        before.keySet().forEach(table -> assertThat(tablesAfter.get(table)).as("%s is a new table", table)
                .isNotEqualTo(tablesBefore.get(table)));
        assertThat(shadowSchemaExists()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = 'read-model-rebuild'",
                Long.class)).isZero();
        // the live groups go on from the rebuild's token: a new declaration reaches the rebuilt tables
        String contractId = signedContract(insurer, newProvider(), 1_000_000);
        assertThat(declare(todays(contractId + "-after", contractId, 1_234)).status()).isEqualTo(200);
        await().ignoreExceptions().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT declarations FROM monitoring_ceiling WHERE ceiling_id = ?", Long.class, ceilingOf(contractId)))
                .isEqualTo(1));
    }

    /**
     * Issue 19: nobody sees an empty view. While a rebuild runs and declarations keep coming in, the monitoring view,
     * a contract's timeline and every rebuilt table are read in a loop: never empty, never fewer declarations or rows
     * than they showed before (nor than at the previous read), also across the swap.
     */
    @Test
    void theViewsAreNeverEmptyNorBehindWhileARebuildRunsDuringIngestion() throws Exception {
        String insurer = newInsurer();
        List<String> contracts = new ArrayList<>();
        Map<String, AtomicLong> posted = new ConcurrentHashMap<>();
        for (int c = 0; c < 3; c++) {
            String contractId = signedContract(insurer, newProvider(), 100_000_000);
            contracts.add(contractId);
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                lines.add(todays(contractId + "-D" + i, contractId, 1_000 + i));
            }
            assertThat(declareAll(lines).status()).isEqualTo(200);
            posted.put(ceilingOf(contractId), new AtomicLong(cents(lines)));
        }
        awaitCaughtUp();
        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        Map<String, Long> seen = new ConcurrentHashMap<>(declaredPerCeiling(purchaser, insurer));
        assertThat(seen).hasSize(3);
        Map<String, Long> rowsBefore = rowCounts();
        long timelineBefore = timelineSize(purchaser, contracts.get(0));

        AtomicBoolean stop = new AtomicBoolean();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicLong reads = new AtomicLong();
        Thread ingestion = new Thread(() -> {
            Random random = new Random();
            int batch = 0;
            while (!stop.get()) {
                String contractId = contracts.get(random.nextInt(contracts.size()));
                List<Map<String, Object>> lines = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    lines.add(todays(contractId + "-L" + batch + "-" + i, contractId, 500 + i));
                }
                batch++;
                if (declareAll(lines).status() == 200) {
                    posted.get(ceilingOf(contractId)).addAndGet(cents(lines));
                } else {
                    violations.add("a claims batch was refused during the rebuild");
                }
            }
        });
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Map<String, Long> now = declaredPerCeiling(purchaser, insurer);
                    if (now.size() != 3) {
                        violations.add("the monitoring view showed " + now.size() + " of 3 ceilings");
                    }
                    now.forEach((ceiling, count) -> {
                        if (count < seen.get(ceiling)) {
                            violations.add(ceiling + " showed " + count + " cents declared after " + seen.get(ceiling));
                        }
                        seen.put(ceiling, count);
                    });
                    long timeline = timelineSize(purchaser, contracts.get(0));
                    if (timeline < timelineBefore) {
                        violations.add("the timeline showed " + timeline + " entries, before the rebuild "
                                + timelineBefore);
                    }
                    rowCounts().forEach((table, rows) -> {
                        if (rows < rowsBefore.get(table)) {
                            violations.add(table + " had " + rows + " rows, before the rebuild " + rowsBefore.get(table));
                        }
                    });
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    violations.add("a read failed: " + e);
                }
            }
        });
        ingestion.start();
        reader.start();
        try {
            Thread.sleep(200);
            assertThat(api.post(REBUILD, Map.of()).status()).isEqualTo(202);
            JsonNode done = awaitEnd();
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
            long readsAtDone = reads.get();
            await().until(() -> reads.get() > readsAtDone + 5);
        } finally {
            stop.set(true);
            ingestion.join();
            reader.join();
        }
        assertThat(violations).isEmpty();
        assertThat(reads.get()).isGreaterThan(10);
        // nothing ingested during the rebuild was lost at the swap
        await().untilAsserted(() -> assertThat(declaredPerCeiling(purchaser, insurer))
                .isEqualTo(toLongs(posted)));
    }

    /** Issue 19: an abort drops the shadow schema; the live tables were never touched and go on serving. */
    @Test
    void anAbortLeavesTheOldTablesServingAndTheShadowSchemaGone() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, newProvider(), 1_000_000_000);
        // enough history that the rebuild is still replaying when the abort comes
        for (int batch = 0; batch < 8; batch++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                lines.add(todays(contractId + "-B" + batch + "-" + i, contractId, 100 + i));
            }
            assertThat(declareAll(lines).status()).isEqualTo(200);
        }
        awaitCaughtUp();
        Map<String, List<String>> before = dumpStreamingTables();
        Map<String, Long> tables = tableIds(before.keySet());

        assertThat(api.post(REBUILD, Map.of()).status()).isEqualTo(202);
        Api.Response aborted = api.delete(REBUILD);

        assertThat(aborted.status()).as(aborted.body().toString()).isEqualTo(200);
        assertThat(aborted.text("state")).isEqualTo("ABORTED");
        assertThat(aborted.body().path("done").asBoolean()).isFalse();
        assertThat(shadowSchemaExists()).isFalse();
        assertThat(tableIds(before.keySet())).isEqualTo(tables);
        assertThat(dumpStreamingTables()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = 'read-model-rebuild'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup LIKE 'rebuild:%'",
                Long.class)).isZero();
        assertThat(api.get(REBUILD).text("state")).isEqualTo("ABORTED");
        assertThat(api.delete(REBUILD).status()).as("nothing left to abort").isEqualTo(409);
        // the live read models go on as before
        assertThat(declare(todays(contractId + "-after", contractId, 1_234)).status()).isEqualTo(200);
        await().ignoreExceptions().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT declarations FROM monitoring_ceiling WHERE ceiling_id = ?", Long.class, ceilingOf(contractId)))
                .isEqualTo(8_001));
    }

    /**
     * Issue 19 with issue 12's poison (a text PostgreSQL refuses): the rebuild parks the event in a dead-letter queue
     * of its own and goes on with the rest; after the swap the group's dead letters are the rebuild's (the same event,
     * parked anew), so the operator retries them as before.
     */
    @Test
    void anEventTheRebuildFailsOnIsParkedInTheGroupsDeadLettersAfterTheSwap() {
        String insurer = newInsurer();
        String poisoned = signedContract(insurer, newProvider(), 1_000_000);
        String healthy = signedContract(insurer, newProvider(), 1_000_000);
        commands.sendAndWait(new AmendContract(poisoned, Set.of(new PrestatieCode("CO0142")), Set.of(), "x\u0000y",
                Instant.now()));
        assertThat(api.post("/api/contracts/" + healthy + "/amendments",
                Map.of("excludedPrestatieCodes", List.of("CO0142"), "reason", "na overleg")).status()).isEqualTo(200);
        await().until(() -> !timelineLetters(poisoned).isEmpty());
        awaitCaughtUp();
        Map<String, String> lettersBefore = timelineLetters(poisoned);
        Map<String, List<String>> before = dumpStreamingTables();

        assertThat(api.post(REBUILD, Map.of()).status()).isEqualTo(202);
        JsonNode done = awaitEnd();

        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        Map<String, String> lettersAfter = timelineLetters(poisoned);
        assertThat(lettersAfter.values()).as("the same event is parked").containsExactlyInAnyOrderElementsOf(
                lettersBefore.values());
        assertThat(lettersAfter.keySet()).as("parked by the rebuild").doesNotContainAnyElementsOf(
                lettersBefore.keySet());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup LIKE 'rebuild:%'",
                Long.class)).isZero();
        assertThat(dumpStreamingTables()).isEqualTo(before);
        assertThat(api.get("/api/contracts/" + healthy + "/timeline").body().findValuesAsText("type"))
                .contains("ContractAmended");
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

    /** Dead letter id → event id of the timeline's letters of one sequence. */
    private Map<String, String> timelineLetters(String sequence) {
        Map<String, String> letters = new HashMap<>();
        jdbc.query("SELECT deadletteridentifier, eventidentifier FROM deadletterentry WHERE processinggroup = 'timeline' "
                + "AND sequenceidentifier = ?", rs -> {
            letters.put(rs.getString(1), rs.getString(2));
        }, sequence);
        return letters;
    }

    /** A contract with a random history: declarations in random batches, credits, an increase request, a claw-back. */
    private void randomHistory(String insurer, Random random) {
        long ceilingCents = 200_000 + random.nextInt(2_000_000);
        String contractId = signedContract(insurer, newProvider(), ceilingCents);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        int declared = 0;
        int batches = 1 + random.nextInt(4);
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            int size = 1 + random.nextInt(60);
            for (int i = 0; i < size; i++) {
                lines.add(todays(contractId + "-D" + declared++, contractId, 5_000 + random.nextInt(40_000)));
            }
            assertThat(declareAll(lines).status()).isEqualTo(200);
        }
        for (int credit = 0; credit < random.nextInt(3); credit++) {
            String corrected = contractId + "-D" + random.nextInt(declared);
            Map<String, Object> line = todays(corrected + "-credit" + credit, contractId, -1_000);
            line.put("correctsDeclarationId", corrected);
            assertThat(declare(line).status()).isEqualTo(200);
        }
        if (random.nextBoolean()) {
            Api.Response requested = api.post(ceiling + "/increase-requests",
                    Map.of("amountCents", 100_000 + random.nextInt(200_000), "grounds", "regional waiting list"));
            if (requested.status() == 201) {
                String requestId = requested.text("requestId");
                if (random.nextBoolean()) {
                    Api.Response approved = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                            Map.of("amountCents", 50_000));
                    if (approved.status() == 200 && random.nextBoolean()) {
                        api.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                                Map.of("signedBy", "dr. Jansen"));
                    }
                } else {
                    api.post(ceiling + "/increase-requests/" + requestId + "/rejection",
                            Map.of("grounds", "no waiting list", "reasons", List.of("DUTY_OF_CARE_MET")));
                }
            }
        }
        if (declared >= 2 && random.nextBoolean()) {
            api.post(ceiling + "/claw-backs", Map.of("amountCents", 1_000 + random.nextInt(5_000),
                    "reason", "care not delivered", "declarationIds", List.of(contractId + "-D0", contractId + "-D1")));
        }
    }

    /** A declaration line for care given today: valid on every day of the year (the contract runs this year). */
    private static Map<String, Object> todays(String id, String contractId, long amountCents) {
        Map<String, Object> line = declaration(id, contractId, amountCents);
        line.put("treatmentDate", LocalDate.now(DomainTime.AMSTERDAM).toString());
        return line;
    }

    private JsonNode awaitEnd() {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get(REBUILD).body(), progress -> Set.of("DONE", "FAILED", "ABORTED")
                        .contains(progress.path("state").asText()));
    }

    /** Ceiling → declared cents, as the purchaser's monitoring view shows them. */
    private static Map<String, Long> declaredPerCeiling(Api purchaser, String insurer) {
        Map<String, Long> declared = new TreeMap<>();
        Api.Response monitoring = purchaser.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR);
        if (monitoring.status() != 200) {
            throw new IllegalStateException("monitoring answered " + monitoring.status());
        }
        for (JsonNode row : monitoring.body().path("ceilings")) {
            declared.put(row.path("ceilingId").asText(), row.path("declaredCents").asLong());
        }
        return declared;
    }

    private long timelineSize(Api purchaser, String contractId) {
        Api.Response timeline = purchaser.get("/api/contracts/" + contractId + "/timeline");
        if (timeline.status() != 200) {
            throw new IllegalStateException("the timeline answered " + timeline.status());
        }
        return timeline.body().findValuesAsText("type").size();
    }

    private static long cents(List<Map<String, Object>> lines) {
        return lines.stream().mapToLong(line -> ((Number) line.get("amountCents")).longValue()).sum();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : streamingTables()) {
            counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private static Map<String, Long> toLongs(Map<String, AtomicLong> counts) {
        Map<String, Long> values = new TreeMap<>();
        counts.forEach((key, value) -> values.put(key, value.get()));
        return values;
    }

    private Map<String, Long> tableIds(Iterable<String> tables) {
        Map<String, Long> ids = new TreeMap<>();
        tables.forEach(table -> ids.put(table, jdbc.queryForObject("SELECT ('public.' || ?)::regclass::oid::bigint",
                Long.class, table)));
        return ids;
    }

    private boolean shadowSchemaExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)",
                Boolean.class, SHADOW));
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
        Map<String, List<String>> dump = new TreeMap<>();
        // ordered by the whole row as text: works for every column type, json included
        streamingTables().forEach(table -> dump.put(table, jdbc.queryForList(
                "SELECT t::text FROM " + table + " t ORDER BY t::text COLLATE \"C\"", String.class)));
        return dump;
    }

    private List<String> streamingTables() {
        return jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND (table_name IN ('timeline_entry', 'timeline_declaration_day', 'declaration_line')
                       OR table_name LIKE 'monitoring\\_%' OR table_name LIKE 'report\\_%'
                       OR table_name LIKE 'reporting\\_%')
                """, String.class);
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
