package nl.ggz.contracts.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static nl.ggz.contracts.reliability.Installation.ceilingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL is stopped while claims clients post batches: the application answers 503 problems with Retry-After
 * (never a 500), reports itself DOWN, and stores nothing half; PostgreSQL is started again on the same port, the
 * application recovers by itself, the clients' retries are counted exactly once and the read models catch up.
 */
class DatabaseOutageTest extends ProcessTest {

    private static final String INSURER = "7202";
    private static final int CLIENTS = 3;
    private static final int BATCHES_PER_CLIENT = 20;
    private static final int BATCH_SIZE = 500;

    private static AppNode node;

    @BeforeAll
    static void start() {
        install("database-outage");
    }


    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndAfterItReturnsEveryDeclarationCountsOnce()
            throws Exception {
        Instant began = Instant.now();
        node = startNode("node-1");
        Client client = node.client();
        Installation.publishPolicy(client, tokens, INSURER);
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contracts.add(Installation.signedContract(client, tokens, INSURER, 10_000_000_000L));
        }
        List<List<List<Map<String, Object>>>> perClient = new ArrayList<>();
        List<List<Map<String, Object>>> all = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<List<Map<String, Object>>> batches = Installation.batches("OUT" + c, contracts, BATCHES_PER_CLIENT,
                    BATCH_SIZE);
            perClient.add(batches);
            all.addAll(batches);
        }
        Map<String, long[]> expected = Installation.expected(all);

        // each client posts its batches in order and, like a well-behaved claims system, posts a batch again after a
        // 503 (sooner than Retry-After asks, to keep the test short) until it is answered, and the lines a batch cut
        // off part-way answered "not recorded"
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicLong posted = new AtomicLong();
        AtomicInteger unavailable = new AtomicInteger();
        // batches the outage cut off part-way: answered per line, the lines not recorded sent again
        AtomicInteger cutOff = new AtomicInteger();
        ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<JsonNode> problems = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> retryAfter = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> posting = new ArrayList<>();
        for (List<List<Map<String, Object>>> batches : perClient) {
            posting.add(pool.submit(() -> {
                for (List<Map<String, Object>> batch : batches) {
                    // what is still to be recorded: the batch, then the lines a cut-off batch answered "not recorded"
                    List<Map<String, Object>> pending = batch;
                    while (true) {
                        Client.Response answer = client.post("/api/declarations", Installation.body(pending),
                                tokens.claims(INSURER));
                        posted.addAndGet(pending.size());
                        if (answer.status() == 200) {
                            List<Map<String, Object>> notRecorded = new ArrayList<>();
                            JsonNode results = answer.body().path("results");
                            for (int i = 0; i < results.size(); i++) {
                                JsonNode result = results.get(i);
                                if (result.path("reason").asText().startsWith("not recorded")) {
                                    notRecorded.add(pending.get(i));
                                } else if (!result.path("status").asText().matches("ACCEPTED|DUPLICATE")) {
                                    wrongAnswers.add(result.toString());
                                }
                            }
                            if (notRecorded.isEmpty()) {
                                acknowledged.incrementAndGet();
                                break;
                            }
                            cutOff.incrementAndGet();
                            pending = notRecorded;
                            AppNode.sleep(500);
                            continue;
                        }
                        if (answer.status() != 503 || answer.header("Retry-After") == null
                                || !answer.contentType().startsWith("application/problem+json")) {
                            wrongAnswers.add(answer.status() + " " + answer.contentType() + " Retry-After="
                                    + answer.header("Retry-After") + " " + answer.body());
                            return;
                        }
                        unavailable.incrementAndGet();
                        problems.add(answer.body());
                        retryAfter.add(answer.header("Retry-After"));
                        AppNode.sleep(500);
                    }
                }
            }));
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> acknowledged.get() >= 8);
        Instant stopped = Instant.now();
        database.stop();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> unavailable.get() >= 6);
        Client.Response health = client.get("/actuator/health", tokens.regulator());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
        int acknowledgedDuringOutage = acknowledged.get();
        AppNode.sleep(2_000);
        assertThat(acknowledged.get()).as("nothing is acknowledged while the database is down")
                .isEqualTo(acknowledgedDuringOutage);
        database.startAgain();
        Duration outage = Duration.between(stopped, Instant.now());

        // no partial state: for every ceiling its state table, its events and its ledger agree in one snapshot
        for (String contractId : contracts) {
            long[] figures = Installation.stateEventsLedger(database, ceilingOf(contractId));
            assertThat(figures[1]).as("events = state table of %s", contractId).isEqualTo(figures[0]);
            assertThat(figures[2]).as("ledger = state table of %s", contractId).isEqualTo(figures[0]);
        }

        // the same process recovers: the pool reconnects, the clients' retries go through
        node.awaitHealthy(tokens.regulator(), Duration.ofSeconds(60));
        for (Future<?> post : posting) {
            post.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(wrongAnswers).isEmpty();
        assertThat(problems).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.path("status").asInt()).isEqualTo(503);
            assertThat(problem.path("detail").asText()).contains("database cannot be reached");
        });

        String problemsRetryAfter = String.join("/", new java.util.TreeSet<>(retryAfter)) + " s";
        assertThat(retryAfter).allSatisfy(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());

        long sent = (long) CLIENTS * BATCHES_PER_CLIENT * BATCH_SIZE;
        long counted = 0;
        long events = 0;
        long distinct = 0;
        for (String contractId : contracts) {
            String ceilingId = ceilingOf(contractId);
            JsonNode ceiling = client.get("/api/ceilings/" + ceilingId, tokens.regulator()).body();
            assertThat(ceiling.path("declarations").asLong()).as(ceilingId).isEqualTo(expected.get(ceilingId)[0]);
            assertThat(ceiling.path("declaredCents").asLong()).as(ceilingId).isEqualTo(expected.get(ceilingId)[1]);
            long[] recorded = Installation.recordedEvents(database, ceilingId);
            long[] agree = Installation.stateEventsLedger(database, ceilingId);
            assertThat(agree).containsExactly(expected.get(ceilingId)[0], expected.get(ceilingId)[0],
                    expected.get(ceilingId)[0]);
            counted += ceiling.path("declarations").asLong();
            events += recorded[0];
            distinct += recorded[1];
        }
        assertThat(counted).isEqualTo(sent);
        assertThat(events).isEqualTo(distinct);

        // the streaming read models retried through the outage and caught up, in the same process
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String contractId : contracts) {
                JsonNode row = Installation.monitoringRow(client, tokens, INSURER, ceilingOf(contractId));
                assertThat(row.path("declaredCents").asLong()).as("monitoring of %s", contractId)
                        .isEqualTo(expected.get(ceilingOf(contractId))[1]);
            }
        });
        assertThat(node.unexpectedFailuresLogged()).as("no 500 in the log").isZero();

        Installation.report("PostgreSQL stopped under load, started again", sent, posted.get(), counted,
                sent - distinct, events - distinct, Duration.between(began, Instant.now()),
                String.format("outage %.1f s; %d answers 503 with Retry-After %s, none 500; %d batches cut off "
                                + "part-way, their lines answered 'not recorded' and sent again; health DOWN during it; "
                                + "same process recovered, monitoring caught up", outage.toMillis() / 1000.0,
                        unavailable.get(), problemsRetryAfter, cutOff.get()));
    }
}
