package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.api.web.claims.ClaimsFeedController;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: the claims system's feed of payable changes and the ceiling's declaration lists — what a raise releases,
 * per declaration and oldest first (seed 001), tenant isolation, strict parameters, and a feed followed during
 * concurrent ingestion that skips nothing.
 */
class ClaimsFeedApiTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRaiseAppearsInTheFeedAsReleasesOfTheOldestHeldDeclarationsAndInTheirLines() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signedContract(insurer, newProvider(), 100_000);
        String ceiling = ceilingOf(contractId);
        String prefix = "R-" + UUID.randomUUID();
        declare(declaration(prefix + "-1", contractId, 90_000), declaration(prefix + "-2", contractId, 30_000),
                declaration(prefix + "-3", contractId, 40_000));
        // 160,000 on a 100,000 ceiling: 20,000 of -2 and all 40,000 of -3 are held; a raise of 30,000 pays out the
        // 20,000 of -2 and 10,000 of -3
        String requestId = api.post("/api/ceilings/" + ceiling + "/increase-requests", Map.of("amountCents", 30_000,
                "grounds", "wachtlijst")).text("requestId");
        String addendumId = api.post("/api/ceilings/" + ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 30_000)).text("addendumId");
        assertThat(api.post("/api/ceilings/" + ceiling + "/addenda/" + addendumId + "/signature", Map.of()).status())
                .isEqualTo(200);

        List<JsonNode> feed = feed(Api.Identity.claims(insurer), "0", 1000);
        assertThat(feed).extracting(e -> e.path("type").asText()).containsExactly("DECLARATION_ACCEPTED",
                "DECLARATION_ACCEPTED", "DECLARATION_ACCEPTED", "HELD_RELEASED", "HELD_RELEASED");
        assertThat(feed.subList(3, 5)).extracting(e -> e.path("declarationId").asText() + ":"
                + e.path("payableChangeCents").asLong() + ":" + e.path("heldChangeCents").asLong() + ":"
                + e.path("cause").asText() + ":" + e.path("causeId").asText())
                .containsExactly(prefix + "-2:20000:-20000:ADDENDUM_SIGNED:" + addendumId,
                        prefix + "-3:10000:-10000:ADDENDUM_SIGNED:" + addendumId);
        assertThat(feed.get(0).path("contractId").asText()).isEqualTo(contractId);
        assertThat(feed.get(1).path("heldChangeCents").asLong()).isEqualTo(20_000);

        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        await().untilAsserted(() -> {
            JsonNode line = purchaser.get("/api/ceilings/" + ceiling + "/declarations/" + prefix + "-3").body();
            assertThat(line.path("payableCents").asLong()).isEqualTo(10_000);
            assertThat(line.path("heldCents").asLong()).isEqualTo(30_000);
            assertThat(line.has("patientRef")).as("no patient reference in the lists").isFalse();
        });
        JsonNode held = purchaser.get("/api/ceilings/" + ceiling + "/declarations?status=HELD").body();
        assertThat(held.path("lines")).extracting(l -> l.path("declarationId").asText()).containsExactly(prefix + "-3");
    }

    @Test
    void anotherInsurersClaimsSystemAndPurchaserSeeNoneOfIt() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, newProvider(), 100_000);
        String ceiling = ceilingOf(contractId);
        String id = "T-" + UUID.randomUUID();
        declare(declaration(id, contractId, 1_000));
        String other = newInsurer();
        signedContract(other, newProvider(), 100_000);

        assertThat(feed(Api.Identity.claims(other), "0", 1000)).extracting(e -> e.path("ceilingId").asText())
                .doesNotContain(ceiling);
        assertThat(feed(Api.Identity.claims(insurer), "0", 1000)).extracting(e -> e.path("declarationId").asText())
                .contains(id);
        Api stranger = api.as(Api.Identity.purchaser(other));
        Api.Response list = stranger.get("/api/ceilings/" + ceiling + "/declarations");
        Api.Response unknown = stranger.get("/api/ceilings/no-such-" + UUID.randomUUID() + "/declarations");
        Api.Response one = stranger.get("/api/ceilings/" + ceiling + "/declarations/" + id);
        assertThat(list.status()).isEqualTo(404);
        assertThat(one.status()).isEqualTo(404);
        assertThat(list.body().path("detail").asText()).isEqualTo("no ceiling with id " + ceiling);
        assertThat(one.body().path("detail").asText()).isEqualTo("no ceiling with id " + ceiling);
        assertThat(unknown.body().path("detail").asText()).startsWith("no ceiling with id no-such-");
        assertThat(api.as(Api.Identity.provider(newProvider())).get("/api/claims-feed").status()).isEqualTo(403);
        assertThat(api.as(Api.Identity.regulator()).get("/api/claims-feed").status()).isEqualTo(403);
    }

    @Test
    void garbageOrUnknownParametersAreA400ProblemNamingThem() {
        Api claims = api.as(Api.Identity.claims(newInsurer()));
        for (String query : List.of("after=abc", "after=-1", "after=1.2.3", "after=1e3", "limit=0", "limit=1001",
                "limit=x", "afterr=5", "after=1&after=2")) {
            Api.Response answer = claims.get("/api/claims-feed?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
            String name = query.substring(0, query.indexOf('='));
            assertThat(answer.body().path("detail").asText()).as(query).contains(name);
        }
        String ceiling = ceilingOf(signedContract(newInsurer(), newProvider(), 100_000));
        for (String query : List.of("status=PAID", "from=2027-13-01", "to=x", "after=x", "limit=0", "sort=id")) {
            Api.Response answer = api.get("/api/ceilings/" + ceiling + "/declarations?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.body().path("detail").asText()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void theFeedFollowedDuringConcurrentIngestionSkipsNothingAndRepeatsNothing() throws Exception {
        String insurer = newInsurer();
        List<String> contracts = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            contracts.add(signedContract(insurer, newProvider(), 5_000_000));
        }
        String start = lastCursor(Api.Identity.claims(insurer));
        Set<String> posted = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (String contractId : contracts) {
            done.add(writers.submit(() -> {
                for (int batch = 0; batch < 15; batch++) {
                    List<Map<String, Object>> lines = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        String id = "C-" + UUID.randomUUID();
                        lines.add(declaration(id, contractId, 1_000 + i));
                        posted.add(id);
                    }
                    assertThat(declareAll(lines).status()).isEqualTo(200);
                }
            }));
        }
        // follow the feed while the batches commit in parallel
        List<String> seen = new ArrayList<>();
        String after = start;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (seen.size() < 4 * 15 * 20 && System.nanoTime() < deadline) {
            Api.Text page = api.as(Api.Identity.claims(insurer)).getText("/api/claims-feed?after=" + after
                    + "&limit=37", null);
            assertThat(page.status()).isEqualTo(200);
            for (String line : page.body().lines().filter(l -> !l.isBlank()).toList()) {
                seen.add(parse(line).path("declarationId").asText());
            }
            after = page.header(ClaimsFeedController.RESUME_HEADER);
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        assertThat(seen).as("every accepted declaration once").hasSize(posted.size());
        assertThat(new HashSet<>(seen)).isEqualTo(posted);
    }

    private String lastCursor(Api.Identity who) {
        String after = "0";
        while (true) {
            Api.Text page = api.as(who).getText("/api/claims-feed?after=" + after, null);
            String next = page.header(ClaimsFeedController.RESUME_HEADER);
            if (page.body().isBlank() && next.equals(after)) {
                return after;
            }
            after = next;
        }
    }

    private List<JsonNode> feed(Api.Identity who, String after, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = after;
        while (true) {
            Api.Text page = api.as(who).getText("/api/claims-feed?after=" + cursor + "&limit=" + limit, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("application/x-ndjson");
            List<String> lines = page.body().lines().filter(l -> !l.isBlank()).toList();
            lines.forEach(l -> entries.add(parse(l)));
            String next = page.header(ClaimsFeedController.RESUME_HEADER);
            if (lines.isEmpty() && next.equals(cursor)) {
                return entries;
            }
            cursor = next;
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
