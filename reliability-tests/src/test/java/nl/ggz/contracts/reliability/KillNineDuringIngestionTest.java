package nl.ggz.contracts.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.ggz.contracts.reliability.Installation.ceilingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application process is killed with SIGKILL in the middle of a large ingestion, started again on the same
 * database, and the claims system posts every batch again, not knowing which were stored: every declaration is counted
 * exactly once, and a deadline set before the kill still fires.
 */
class KillNineDuringIngestionTest extends ProcessTest {

    private static final String INSURER = "7101";
    private static final int BATCHES = 50;
    private static final int BATCH_SIZE = 1_000;
    /** The kill comes once this many batches were acknowledged, with more in flight. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 15;

    private static AppNode node;

    @BeforeAll
    static void start() {
        install("kill-nine");
    }


    @Test
    void everyDeclarationIsCountedOnceAfterAKillNineAndAFullRepostAndDeadlinesStillFire() throws Exception {
        Instant began = Instant.now();
        node = startNode("node-1");
        Client client = node.client();
        Installation.publishPolicy(client, tokens, INSURER);
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            contracts.add(Installation.signedContract(client, tokens, INSURER, 10_000_000_000L));
        }
        List<List<Map<String, Object>>> batches = Installation.batches("KILL", contracts, BATCHES, BATCH_SIZE);
        Map<String, long[]> expected = Installation.expected(batches);
        // set before the kill, due after it: only the restarted process can fire it
        Instant expiry = Instant.now().plusSeconds(40);
        String expiringOffer = Installation.expiringOffer(client, tokens, INSURER, expiry);

        // two claims clients post the batches in order; the process is killed while batches are in flight
        Set<String> acknowledgedAccepted = ConcurrentHashMap.newKeySet();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> posting = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            posting.add(clients.submit(() -> {
                for (int b; (b = next.getAndIncrement()) < BATCHES; ) {
                    Client.Response answer = client.post("/api/declarations", Installation.body(batches.get(b)),
                            tokens.claims(INSURER));
                    if (answer.status() == 0) {
                        cutOff.incrementAndGet();
                        return;
                    }
                    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
                    answer.body().path("results").forEach(result -> {
                        assertThat(result.path("status").asText()).isEqualTo("ACCEPTED");
                        acknowledgedAccepted.add(result.path("declarationId").asText());
                    });
                    acknowledged.incrementAndGet();
                }
            }));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL);
        long pid = node.pid();
        int exit = node.killNine();
        Instant killedAt = Instant.now();
        for (Future<?> post : posting) {
            post.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(exit).as("exit code of pid %d: 128 + SIGKILL (9)", pid).isEqualTo(137);
        assertThat(acknowledged.get()).as("the kill came in the middle of the ingestion").isLessThan(BATCHES);
        assertThat(killedAt).as("the offer's expiry is due after the kill").isBefore(expiry);
        assertThat(database.count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND "
                + "payloadtype LIKE '%ContractOfferExpired'", expiringOffer)).isZero();

        node = startNode("node-1-restarted");
        Client restarted = node.client();

        // the claims system does not know which batches were stored: it posts all of them again
        long repostedAccepted = 0;
        Set<String> duplicatesOfAcknowledged = new HashSet<>();
        long posted = (long) acknowledged.get() * BATCH_SIZE;
        for (List<Map<String, Object>> batch : batches) {
            Client.Response answer = restarted.post("/api/declarations", Installation.body(batch),
                    tokens.claims(INSURER));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            posted += batch.size();
            for (JsonNode result : answer.body().path("results")) {
                String status = result.path("status").asText();
                assertThat(status).isIn("ACCEPTED", "DUPLICATE");
                repostedAccepted += status.equals("ACCEPTED") ? 1 : 0;
                if (acknowledgedAccepted.contains(result.path("declarationId").asText())) {
                    assertThat(status).as("acknowledged before the kill, so stored").isEqualTo("DUPLICATE");
                    duplicatesOfAcknowledged.add(result.path("declarationId").asText());
                }
            }
        }
        assertThat(duplicatesOfAcknowledged).hasSameSizeAs(acknowledgedAccepted);

        long sent = (long) BATCHES * BATCH_SIZE;
        long counted = 0;
        long events = 0;
        long distinctEvents = 0;
        for (String contractId : contracts) {
            String ceilingId = ceilingOf(contractId);
            JsonNode ceiling = restarted.get("/api/ceilings/" + ceilingId, tokens.regulator()).body();
            long[] want = expected.get(ceilingId);
            assertThat(ceiling.path("declarations").asLong()).as(ceilingId).isEqualTo(want[0]);
            assertThat(ceiling.path("declaredCents").asLong()).as(ceilingId).isEqualTo(want[1]);
            long[] recorded = Installation.recordedEvents(database, ceilingId);
            assertThat(recorded[0]).as("declaration events of %s", ceilingId).isEqualTo(want[0]);
            assertThat(recorded[1]).as("distinct declaration ids among them").isEqualTo(want[0]);
            counted += ceiling.path("declarations").asLong();
            events += recorded[0];
            distinctEvents += recorded[1];
        }
        assertThat(counted).isEqualTo(sent);
        assertThat(acknowledgedAccepted.size() + repostedAccepted)
                .as("accepted before the kill and acknowledged, plus accepted after it").isLessThanOrEqualTo(sent);

        // the read models follow the restarted process to the same totals
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String contractId : contracts) {
                JsonNode row = Installation.monitoringRow(restarted, tokens, INSURER, ceilingOf(contractId));
                assertThat(row.path("declaredCents").asLong()).as("monitoring of %s", contractId)
                        .isEqualTo(expected.get(ceilingOf(contractId))[1]);
            }
        });

        // the deadline persisted before the kill fires after the restart, once
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(restarted.get("/api/contracts/" + expiringOffer, tokens.regulator()).text("status"))
                        .isEqualTo("EXPIRED"));
        assertThat(Installation.eventsOfType(database, expiringOffer, "ContractOfferExpired")).isEqualTo(1);
        assertThat(node.unexpectedFailuresLogged()).isZero();

        Installation.report("kill -9 during ingestion, restart, repost all", sent,
                posted, counted, sent - distinctEvents, events - distinctEvents,
                Duration.between(began, Instant.now()),
                String.format("killed pid %d (exit %d) after %d of %d batches acknowledged, %d cut off in flight; "
                                + "%,d accepted only on the repost; offer expiry fired once after restart",
                        pid, exit, acknowledgedAccepted.size() / BATCH_SIZE, BATCHES, cutOff.get(),
                        repostedAccepted));
    }
}
