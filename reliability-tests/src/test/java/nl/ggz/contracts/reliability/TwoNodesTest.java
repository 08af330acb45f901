package nl.ggz.contracts.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static nl.ggz.contracts.reliability.Installation.YEAR;
import static nl.ggz.contracts.reliability.Installation.ceilingOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL, each with its own command bus and its own cache of ceilings, both taking
 * the same claims batches for the same hot ceilings at once and commands for the same contracts: totals are exact,
 * every event is applied once by the read models (the nodes split the processors by token claims), and every deadline
 * fires once.
 */
class TwoNodesTest extends ProcessTest {

    private static final String INSURER = "7303";
    private static final int BATCHES_PER_HALF = 10;
    private static final int BATCH_SIZE = 500;
    private static final int COMMAND_ROUNDS = 6;
    private static final int EXPIRING_OFFERS_PER_NODE = 3;

    private static AppNode nodeA;
    private static AppNode nodeB;

    @BeforeAll
    static void start() {
        install("two-nodes");
    }


    @Test
    void overlappingBatchesAndCommandsOnTwoNodesAreCountedOnceAppliedOnceAndDeadlinesFireOnce() throws Exception {
        Instant began = Instant.now();
        // one after the other: the first migrates the schema and makes the installation's audit key, the second uses both
        nodeA = startNode("node-a");
        nodeB = startNode("node-b");
        Client a = nodeA.client();
        Client b = nodeB.client();
        // the jar outside the trial checks the audience: the same issuer's token for another application is refused
        assertThat(a.get("/api/contracts?limit=1", tokens.regulatorOfAnotherApplication()).status()).isEqualTo(401);
        assertThat(a.get("/api/contracts?limit=1", tokens.regulator()).status()).isEqualTo(200);
        Installation.publishPolicy(a, tokens, INSURER);
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contracts.add(Installation.signedContract(i % 2 == 0 ? a : b, tokens, INSURER, 10_000_000_000L));
        }
        Instant expiry = Instant.now().plusSeconds(30);
        List<String> expiringOffers = new ArrayList<>();
        for (int i = 0; i < EXPIRING_OFFERS_PER_NODE; i++) {
            expiringOffers.add(Installation.expiringOffer(a, tokens, INSURER, expiry));
            expiringOffers.add(Installation.expiringOffer(b, tokens, INSURER, expiry));
        }

        List<List<Map<String, Object>>> first = Installation.batches("TWO-A", contracts, BATCHES_PER_HALF, BATCH_SIZE);
        List<List<Map<String, Object>>> second = Installation.batches("TWO-B", contracts, BATCHES_PER_HALF, BATCH_SIZE);
        List<List<Map<String, Object>>> reversed = new ArrayList<>(second);
        Collections.reverse(reversed);
        List<List<Map<String, Object>>> all = new ArrayList<>(first);
        all.addAll(second);
        Map<String, long[]> expected = Installation.expected(all);

        AtomicLong posted = new AtomicLong();
        ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> increaseRequests = new ConcurrentHashMap<>();
        Map<String, AtomicLong> stopsAnnounced = new ConcurrentHashMap<>();
        Map<String, AtomicLong> stopsLifted = new ConcurrentHashMap<>();
        AtomicLong stopsRefused = new AtomicLong();
        List<Callable<Void>> work = new ArrayList<>();
        // every batch goes to both nodes: the first half to both in the same order (the same ids at the same moment),
        // the second half in opposite orders
        work.add(poster(a, first, posted, wrongAnswers));
        work.add(poster(b, first, posted, wrongAnswers));
        work.add(poster(a, second, posted, wrongAnswers));
        work.add(poster(b, reversed, posted, wrongAnswers));
        // meanwhile the provider sends commands for the same contracts and ceilings to both nodes
        for (Client node : List.of(a, b)) {
            String name = node == a ? "a" : "b";
            work.add(() -> {
                for (int round = 0; round < COMMAND_ROUNDS; round++) {
                    for (String contractId : contracts) {
                        Client.Response request = node.post("/api/ceilings/" + ceilingOf(contractId)
                                        + "/increase-requests", Map.of("amountCents", 1_000,
                                        "grounds", "waiting list " + name + round), tokens.provider(Installation.providerOf(contractId)));
                        if (request.status() == 201) {
                            increaseRequests.computeIfAbsent(contractId, k -> new AtomicLong()).incrementAndGet();
                        } else {
                            wrongAnswers.add("increase request: " + request.status() + " " + request.body());
                        }
                        Client.Response announced = node.post("/api/contracts/" + contractId + "/patient-stops",
                                Map.of("reason", "CAPACITY", "from", YEAR + "-02-01"),
                                tokens.provider(Installation.providerOf(contractId)));
                        if (announced.status() == 201) {
                            stopsAnnounced.computeIfAbsent(contractId, k -> new AtomicLong()).incrementAndGet();
                            Client.Response lifted = node.post("/api/contracts/" + contractId + "/patient-stops/"
                                            + announced.text("stopId") + "/lifting", Map.of("to", YEAR + "-02-10"),
                                    tokens.provider(Installation.providerOf(contractId)));
                            if (lifted.status() == 200) {
                                stopsLifted.computeIfAbsent(contractId, k -> new AtomicLong()).incrementAndGet();
                            } else {
                                wrongAnswers.add("lifting: " + lifted.status() + " " + lifted.body());
                            }
                        } else if (announced.status() == 409) {
                            // the stop the other node announced is still open: refused, as the rule says
                            stopsRefused.incrementAndGet();
                        } else {
                            wrongAnswers.add("patient stop: " + announced.status() + " " + announced.body());
                        }
                    }
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        List<Future<Void>> running = pool.invokeAll(work);
        for (Future<Void> done : running) {
            done.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(wrongAnswers).as("every answer 200/201, or 409 for a second open stop").isEmpty();

        // exact totals, the same through either node
        long sent = (long) all.size() * BATCH_SIZE;
        long counted = 0;
        long events = 0;
        long distinct = 0;
        for (String contractId : contracts) {
            String ceilingId = ceilingOf(contractId);
            for (Client node : List.of(a, b)) {
                JsonNode ceiling = node.get("/api/ceilings/" + ceilingId, tokens.regulator()).body();
                assertThat(ceiling.path("declarations").asLong()).as(ceilingId).isEqualTo(expected.get(ceilingId)[0]);
                assertThat(ceiling.path("declaredCents").asLong()).as(ceilingId)
                        .isEqualTo(expected.get(ceilingId)[1]);
            }
            long[] recorded = Installation.recordedEvents(database, ceilingId);
            assertThat(Installation.stateEventsLedger(database, ceilingId)).containsOnly(expected.get(ceilingId)[0]);
            counted += a.get("/api/ceilings/" + ceilingId, tokens.regulator()).body().path("declarations").asLong();
            events += recorded[0];
            distinct += recorded[1];

            // each command answered 2xx is one event, no more, no less
            long requested = increaseRequests.get(contractId).get();
            assertThat(requested).isEqualTo(2L * COMMAND_ROUNDS);
            assertThat(Installation.eventsOfType(database, ceilingId, "IncreaseRequested")).isEqualTo(requested);
            assertThat(Installation.eventsOfType(database, contractId, "PatientStopAnnounced"))
                    .isEqualTo(stopsAnnounced.get(contractId).get());
            assertThat(Installation.eventsOfType(database, contractId, "PatientStopLifted"))
                    .isEqualTo(stopsLifted.get(contractId).get());
        }
        assertThat(counted).isEqualTo(sent);
        assertThat(events).isEqualTo(distinct);

        // each event applied once by the streaming read models, whichever node holds a processor's token: the
        // monitoring view through both nodes shows exactly the event store's figures, open requests included
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Client node : List.of(a, b)) {
                for (String contractId : contracts) {
                    JsonNode row = Installation.monitoringRow(node, tokens, INSURER, ceilingOf(contractId));
                    assertThat(row.path("declaredCents").asLong()).as("monitoring of %s", contractId)
                            .isEqualTo(expected.get(ceilingOf(contractId))[1]);
                    assertThat(row.path("openIncreaseRequests")).as("open requests of %s", contractId)
                            .hasSize((int) increaseRequests.get(contractId).get());
                }
            }
        });
        List<List<Object>> claims = database.query("SELECT processorname, segment, owner FROM tokenentry "
                + "ORDER BY processorname, segment");
        assertThat(claims).as("one token per processor segment").extracting(row -> row.get(0) + "/" + row.get(1))
                .doesNotHaveDuplicates().contains("monitoring/0", "timeline/0", "reporting/0");

        // every offer expires once, though both nodes poll the same deadlines
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String offer : expiringOffers) {
                assertThat(b.get("/api/contracts/" + offer, tokens.regulator()).text("status")).isEqualTo("EXPIRED");
            }
        });
        AppNode.sleep(3_000);
        for (String offer : expiringOffers) {
            assertThat(Installation.eventsOfType(database, offer, "ContractOfferExpired")).as(offer).isEqualTo(1);
        }
        assertThat(nodeA.unexpectedFailuresLogged() + nodeB.unexpectedFailuresLogged()).isZero();

        long retried = retriesLogged(work(), "node-a") + retriesLogged(work(), "node-b");
        Installation.report("two nodes, overlapping batches and commands", sent, posted.get(), counted,
                sent - distinct, events - distinct, Duration.between(began, Instant.now()),
                String.format("%d increase requests = %d events; %d stops announced, %d refused (one open at a time), "
                                + "%d lifted = events; %d commands retried after a concurrent write; %d offers "
                                + "expired once each; tokens %s",
                        increaseRequests.values().stream().mapToLong(AtomicLong::get).sum(),
                        increaseRequests.values().stream().mapToLong(AtomicLong::get).sum(),
                        stopsAnnounced.values().stream().mapToLong(AtomicLong::get).sum(), stopsRefused.get(),
                        stopsLifted.values().stream().mapToLong(AtomicLong::get).sum(), retried,
                        expiringOffers.size(), owners(claims)));
    }

    private static Callable<Void> poster(Client node, List<List<Map<String, Object>>> batches, AtomicLong posted,
                                         ConcurrentLinkedQueue<String> wrongAnswers) {
        return () -> {
            for (List<Map<String, Object>> batch : batches) {
                Client.Response answer = node.post("/api/declarations", Installation.body(batch),
                        tokens.claims(INSURER));
                posted.addAndGet(batch.size());
                if (answer.status() != 200) {
                    wrongAnswers.add("declarations: " + answer.status() + " " + answer.body());
                    continue;
                }
                answer.body().path("results").forEach(result -> {
                    if (!result.path("status").asText().matches("ACCEPTED|DUPLICATE")) {
                        wrongAnswers.add(result.toString());
                    }
                });
            }
            return null;
        };
    }

    private static Path work() {
        return work;
    }

    private static long retriesLogged(Path directory, String node) throws Exception {
        try (var lines = Files.lines(directory.resolve(node + ".log"))) {
            return lines.filter(line -> line.contains("met a concurrent write") || line.contains("Concurrent write on"))
                    .count();
        }
    }

    private static String owners(List<List<Object>> claims) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : claims) {
            text.append(text.length() == 0 ? "" : ", ").append(row.get(0)).append("/").append(row.get(1)).append("→")
                    .append(row.get(2) == null ? "none" : String.valueOf(row.get(2)).replaceAll("@.*", ""));
        }
        return text.toString();
    }
}
