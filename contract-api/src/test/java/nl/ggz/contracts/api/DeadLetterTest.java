package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.domain.contract.AmendContract;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.jdbc.CommitBatch;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A streaming handler that fails on one contract's ceiling: its events are parked in the JDBC dead-letter queue, in
 * order, while every other sequence goes on; the operator sees them listed and, once the cause is gone, a retry
 * applies them and empties the queue. The handler has a processing group of its own, configured like the real ones
 * (pooled, two segments, dlq enabled), so the timeline is left alone.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".mode=pooled",
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".batch-size=10",
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".thread-count=2",
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".initial-segment-count=2",
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".dlq.enabled=true",
        "axon.eventhandling.processors." + DeadLetterTest.DATABASE_GROUP + ".mode=pooled",
        "axon.eventhandling.processors." + DeadLetterTest.DATABASE_GROUP + ".batch-size=500",
        "axon.eventhandling.processors." + DeadLetterTest.DATABASE_GROUP + ".thread-count=2",
        "axon.eventhandling.processors." + DeadLetterTest.DATABASE_GROUP + ".initial-segment-count=1",
        "axon.eventhandling.processors." + DeadLetterTest.DATABASE_GROUP + ".dlq.enabled=true"})
class DeadLetterTest extends ApplicationTest {

    static final String GROUP = "dead-letter-test";
    static final String DATABASE_GROUP = "dead-letter-database-test";
    private static final String DEAD_LETTERS = "/api/admin/dead-letters";

    @Autowired
    FlakyHandler handler;
    @Autowired
    DatabaseFailingHandler databaseHandler;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void aFailingEventIsParkedWithItsSequenceListedAndRetried(CapturedOutput output) {
        String insurer = newInsurer();
        String failing = offer(insurer, 1_000_000);
        String healthy = offer(insurer, 1_000_000);
        String parked = ceilingOf(failing);
        handler.failFor(parked);
        for (String contractId : List.of(failing, healthy)) {
            assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"))
                    .status()).isEqualTo(200);
            assertThat(declare(declaration(contractId + "-1", contractId, 10_000),
                    declaration(contractId + "-2", contractId, 20_000)).status()).isEqualTo(200);
            assertThat(declare(declaration(contractId + "-3", contractId, 30_000)).status()).isEqualTo(200);
        }
        List<String> parkedEvents = eventIds(parked);
        assertThat(parkedEvents).hasSizeGreaterThanOrEqualTo(4);

        // every other sequence is processed, the contract's own events included
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handler.handled)
                .containsAll(eventIds(healthy)).containsAll(eventIds(ceilingOf(healthy))).containsAll(eventIds(failing)));
        // the failing event and every later event of its sequence are parked, none is applied
        JsonNode list = await().atMost(Duration.ofSeconds(30)).until(() -> api.get(DEAD_LETTERS + "?group=" + GROUP)
                .body(), body -> body.path("letters").asLong() == parkedEvents.size());
        assertThat(handler.handled).doesNotContainAnyElementsOf(parkedEvents);
        assertThat(list.path("sequences").asLong()).isEqualTo(1);
        JsonNode sequence = list.path("deadLetters").get(0);
        assertThat(sequence.path("processingGroup").asText()).isEqualTo(GROUP);
        assertThat(sequence.path("sequenceIdentifier").asText()).isEqualTo(parked);
        assertThat(sequence.path("eventIdentifier").asText()).isEqualTo(parkedEvents.get(0));
        assertThat(sequence.path("eventType").asText()).isEqualTo(jdbc.queryForObject(
                "SELECT payloadtype FROM domainevententry WHERE eventidentifier = ?", String.class,
                parkedEvents.get(0)).replaceAll(".*\\.", ""));
        assertThat(sequence.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(sequence.path("causeMessage").asText()).contains("refuses", parked);
        assertThat(sequence.path("enqueuedAt").asText()).isNotEmpty();
        assertThat(sequence.path("letters").asLong()).isEqualTo(parkedEvents.size());
        assertThat(api.get(DEAD_LETTERS).body().path("deadLetters").findValuesAsText("sequenceIdentifier"))
                .contains(parked);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?", Long.class,
                GROUP)).isEqualTo(parkedEvents.size());
        assertThat(output.getAll()).contains("parked event " + parkedEvents.get(0));

        // while the cause is there, a retry changes nothing
        JsonNode stillFailing = api.post(DEAD_LETTERS + "/" + GROUP + "/retry", Map.of()).body();
        assertThat(stillFailing.path("processed").asLong()).isZero();
        assertThat(stillFailing.path("remaining").asLong()).isEqualTo(parkedEvents.size());

        handler.failFor(null);
        JsonNode retried = api.post(DEAD_LETTERS + "/" + GROUP + "/retry", Map.of()).body();
        assertThat(retried.path("processingGroup").asText()).isEqualTo(GROUP);
        assertThat(retried.path("processed").asLong()).isEqualTo(parkedEvents.size());
        assertThat(retried.path("remaining").asLong()).isZero();
        // applied in their order, and the queue is empty
        assertThat(handler.handled.stream().filter(parkedEvents::contains).toList()).isEqualTo(parkedEvents);
        JsonNode empty = api.get(DEAD_LETTERS + "?group=" + GROUP).body();
        assertThat(empty.path("letters").asLong()).isZero();
        assertThat(empty.path("deadLetters")).isEmpty();

        // the sequence is no longer parked: new events of the ceiling go straight through
        declare(declaration(failing + "-4", failing, 40_000));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handler.handled)
                .containsAll(eventIds(parked)));
    }

    /**
     * Issue 12, finding 1: a reason with a NUL was stored, and the timeline failed on it for ever — PostgreSQL refuses
     * the text, which aborts the batch's transaction, so not even the dead letter could be written. Now the batch is
     * applied again an event at a time: the poison is parked, listed and counted, and every other timeline moves on.
     */
    @Test
    void aPoisonEventInTheTimelineIsParkedAndEveryOtherContractsTimelineMovesOn() {
        String insurer = newInsurer();
        String poisoned = signedContract(insurer, 1_000_000);
        String healthy = signedContract(insurer, 1_000_000);
        long lettersBefore = letters(TIMELINE);

        // past the edge's text rules (the command as the domain takes it): a stored event that PostgreSQL text refuses
        commands.sendAndWait(new AmendContract(poisoned, Set.of(new PrestatieCode("CO0142")), Set.of(), "x\u0000y",
                now()));
        assertThat(api.post("/api/contracts/" + healthy + "/amendments",
                Map.of("excludedPrestatieCodes", List.of("CO0142"), "reason", "na overleg")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/contracts/" + healthy + "/timeline").body().findValuesAsText("type"))
                .contains("ContractAmended"));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(TIMELINE) == lettersBefore + 1);
        JsonNode parked = api.get(DEAD_LETTERS + "?group=" + TIMELINE).body();
        assertThat(parked.path("deadLetters").findValuesAsText("sequenceIdentifier")).contains(poisoned);
        assertThat(parked.path("deadLetters").findValuesAsText("eventType")).contains("ContractAmended");
        assertThat(parked.path("deadLetters").findValuesAsText("causeMessage"))
                .anySatisfy(cause -> assertThat(cause).contains("0x00"));
        // later events of the poisoned contract wait behind it; new contracts' timelines keep moving
        String later = signedContract(insurer, 1_000_000);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/contracts/" + later + "/timeline").body().findValuesAsText("type"))
                .contains("ContractSigned"));
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("ggz_projection_lag_events", TIMELINE) == 0);
        assertThat(metric("ggz_dead_letters", TIMELINE)).isEqualTo(letters(TIMELINE));
    }

    /**
     * A failure inside a batch, of either kind: a write PostgreSQL refuses while the handler runs (the transaction is
     * aborted there and then) and a write gathered for the commit (CommitBatch) that PostgreSQL refuses at the commit.
     * The events around it, in the same batch, are applied; only the failing sequence is parked; the lag is a number
     * throughout; once the cause is gone a retry applies the parked events.
     */
    @Test
    void aDatabaseErrorInTheMiddleOfABatchParksOnlyItsEventAndTheGroupMovesOn() throws Exception {
        String insurer = newInsurer();
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            contracts.add(signedContract(insurer, 1_000_000));
        }
        String failsInHandler = contracts.get(2);
        String failsAtCommit = contracts.get(4);
        StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(DATABASE_GROUP)
                .orElseThrow();
        // the group waits while the events pile up, so that they reach it as one batch with the failures inside
        processor.shutDown();
        databaseHandler.fail(ceilingOf(failsInHandler), ceilingOf(failsAtCommit));
        for (String contractId : contracts) {
            assertThat(declare(declaration(contractId + "-db-1", contractId, 10_000),
                    declaration(contractId + "-db-2", contractId, 20_000)).status()).isEqualTo(200);
        }
        List<String> healthy = new ArrayList<>();
        List<String> parked = new ArrayList<>();
        for (String contractId : contracts) {
            boolean failing = contractId.equals(failsInHandler) || contractId.equals(failsAtCommit);
            healthy.addAll(eventIds(contractId));
            (failing ? parked : healthy).addAll(eventIds(ceilingOf(contractId)));
        }
        // what the group applied before it stopped stays applied
        parked.removeAll(probed());
        assertThat(parked).hasSizeGreaterThanOrEqualTo(4);
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probed()).containsAll(healthy));
        await().atMost(Duration.ofSeconds(30)).until(() -> letters(DATABASE_GROUP) == parked.size());
        assertThat(probed()).doesNotContainAnyElementsOf(parked);
        assertThat(api.get(DEAD_LETTERS + "?group=" + DATABASE_GROUP).body().path("deadLetters")
                .findValuesAsText("sequenceIdentifier"))
                .containsExactlyInAnyOrder(ceilingOf(failsInHandler), ceilingOf(failsAtCommit));
        assertThat(metric("ggz_dead_letters", DATABASE_GROUP)).isEqualTo(parked.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> metric("ggz_projection_lag_events", DATABASE_GROUP) == 0);

        databaseHandler.fail(null, null);
        JsonNode retried = api.post(DEAD_LETTERS + "/" + DATABASE_GROUP + "/retry", Map.of()).body();
        assertThat(retried.path("processed").asLong()).isEqualTo(parked.size());
        assertThat(retried.path("remaining").asLong()).isZero();
        assertThat(probed()).containsAll(parked);
    }

    /** While its batch fails and waits for a retry, Axon reports no position for the group: the gauge still counts. */
    @Test
    void theLagOfAGroupThatIsNotRunningIsStillANumber() {
        StreamingEventProcessor processor = (StreamingEventProcessor) processing.eventProcessor(DATABASE_GROUP)
                .orElseThrow();
        processor.shutDown();
        try {
            signedContract(newInsurer(), 1_000_000);
            assertThat(metric("ggz_projection_lag_events", DATABASE_GROUP)).isPositive();
        } finally {
            processor.start();
        }
    }

    private static final String TIMELINE = "timeline";

    private long letters(String group) {
        return jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?", Long.class, group);
    }

    private List<String> probed() {
        return jdbc.queryForList("SELECT event_id FROM dead_letter_probe", String.class);
    }

    /** A gauge of the Prometheus scrape for one processor: parsed as a number, so NaN fails the caller's checks. */
    private double metric(String name, String processor) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*processor=\"" + Pattern.quote(processor)
                + "\"[^}]*} (\\S+)$").matcher(api.getText("/actuator/prometheus", "text/plain").body());
        assertThat(line.find()).as(name + " of " + processor).isTrue();
        double value = Double.parseDouble(line.group(1));
        assertThat(value).as(name + " of " + processor).isNotNaN();
        return value;
    }

    private List<String> eventIds(String aggregateId) {
        return jdbc.queryForList("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ?"
                + " ORDER BY sequencenumber", String.class, aggregateId);
    }

    @TestConfiguration
    static class FlakyHandlerConfiguration {
        @Bean
        FlakyHandler flakyHandler() {
            return new FlakyHandler();
        }

        @Bean
        DatabaseFailingHandler databaseFailingHandler(JdbcTemplate jdbc) {
            return new DatabaseFailingHandler(jdbc);
        }
    }

    /**
     * Notes every event in {@code dead_letter_probe}. For the first marked aggregate it writes a text PostgreSQL
     * refuses (a NUL) while it handles the event; for the second it gathers that write for the commit.
     */
    @ProcessingGroup(DATABASE_GROUP)
    static class DatabaseFailingHandler {

        private final JdbcTemplate jdbc;
        private final CommitBatch atCommit;
        private volatile String failingInHandler;
        private volatile String failingAtCommit;

        DatabaseFailingHandler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            this.atCommit = new CommitBatch(jdbc);
            jdbc.execute("CREATE TABLE IF NOT EXISTS dead_letter_probe (event_id TEXT PRIMARY KEY, note TEXT NOT NULL)");
        }

        /** The aggregates whose events fail, or none when both are null. */
        void fail(String inHandler, String atCommit) {
            failingInHandler = inHandler;
            failingAtCommit = atCommit;
        }

        @EventHandler
        void on(Object payload, EventMessage<?> event) {
            String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
            if (aggregate.equals(failingInHandler)) {
                jdbc.update("INSERT INTO dead_letter_probe (event_id, note) VALUES (?, ?)", event.getIdentifier(),
                        "in\u0000handler");
                return;
            }
            atCommit.write("INSERT INTO dead_letter_probe (event_id, note) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    event.getIdentifier(), aggregate.equals(failingAtCommit) ? "at\u0000commit" : "ok");
        }
    }

    /** Applies every event, except those of the marked aggregate while one is marked. */
    @ProcessingGroup(GROUP)
    static class FlakyHandler {

        final List<String> handled = new CopyOnWriteArrayList<>();
        private volatile String failingAggregate;

        void failFor(String aggregateId) {
            this.failingAggregate = aggregateId;
        }

        @EventHandler
        void on(Object payload, EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domainEvent
                    && domainEvent.getAggregateIdentifier().equals(failingAggregate)) {
                throw new IllegalStateException("the test handler refuses " + payload.getClass().getSimpleName()
                        + " of " + failingAggregate);
            }
            handled.add(event.getIdentifier());
        }
    }
}
