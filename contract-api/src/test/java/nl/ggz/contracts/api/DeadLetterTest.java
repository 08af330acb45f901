package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
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
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
        "axon.eventhandling.processors." + DeadLetterTest.GROUP + ".dlq.enabled=true"})
class DeadLetterTest extends ApplicationTest {

    static final String GROUP = "dead-letter-test";
    private static final String DEAD_LETTERS = "/api/admin/dead-letters";

    @Autowired
    FlakyHandler handler;

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
