package nl.ggz.contracts.eventstore.stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.eventstore.EventUpcasters;
import nl.ggz.contracts.eventstore.StoredJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness for events as they lie in the event store. A stored payload (its type, its revision and its JSON, a
 * literal copied from what the application writes) is read the way the application reads it back: through the
 * application's upcaster chain ({@link EventUpcasters}), then the event serializer Axon's Spring configuration builds
 * (Jackson with {@link StoredJson}, revisions from {@code @Revision}).
 * <p>
 * Each event type has a test named {@code <event>StoredWithoutRevision…} in a subclass: the JSON stored before events
 * carried a revision (revision null) loads into today's class with the same values, and today's class writes that
 * same JSON as revision 1. When an event changes (README "Events"): bump its {@code @Revision}, add the upcaster to
 * {@link EventUpcasters}, keep the old literal and let it load into the new shape ({@link #assertLoads}), and add a
 * literal of the new revision ({@link #assertWritten}).
 */
abstract class StoredEventTest {

    /** Events stored before events carried a revision. */
    static final String NO_REVISION = null;

    private static final ObjectMapper JSON = StoredJson.mapper();
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(StoredEventTest.class.getClassLoader()))
            .objectMapper(JSON)
            .build();

    /** The event the application reads from a row of this payload type, revision and JSON. */
    static Object read(String payloadType, String revision, String json) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0L,
                "event-1", "2027-01-01T00:00:00Z", payloadType, revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row), SERIALIZER,
                new EventUpcasterChain(EventUpcasters.inOrder()));
        assertThat(events.hasNext()).as("the upcasters keep the event").isTrue();
        return events.next().getPayload();
    }

    /** The stored JSON of the event's own type and this revision loads as {@code expected}. */
    static void assertLoads(String json, String revision, Object expected) {
        assertThat(read(expected.getClass().getName(), revision, json)).isEqualTo(expected);
    }

    /** Today's class writes the event as this revision and this JSON (compared as JSON, not as text). */
    static void assertWritten(Object event, String revision, String json) {
        SerializedObject<byte[]> written = SERIALIZER.serialize(event, byte[].class);
        assertThat(written.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(written.getType().getRevision()).isEqualTo(revision);
        assertThat(tree(written.getData())).isEqualTo(tree(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the application writes for this event now, as text: for copying into a test as the stored literal. */
    static String writtenJson(Object event) {
        return new String(SERIALIZER.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
