package nl.ggz.contracts.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static nl.ggz.contracts.jdbc.SqlArrays.texts;

/**
 * Aggregates' events as they stood at an instant: those stored with a timestamp at or before it, in the order they
 * were stored, upcast and deserialised as Axon would. For the read models as they were (point in time).
 */
@Component
public class EventHistory {

    private final JdbcTemplate cursor;
    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;

    public EventHistory(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                        org.axonframework.config.Configuration axon) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(AuditEventReader.FETCH_SIZE);
        this.eventSerializer = eventSerializer;
        this.upcasters = axon.upcasterChain();
    }

    /** Hands each event of {@code aggregates} stored at or before {@code asOf}, but none of {@code skippedTypes}. */
    public void replay(List<String> aggregates, List<String> skippedTypes, Instant asOf,
                       Consumer<DomainEventMessage<?>> handler) {
        try (Stream<GenericDomainEventEntry<byte[]>> rows = cursor.queryForStream("""
                        SELECT type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
                            payloadrevision, payload, metadata
                        FROM %s
                        WHERE aggregateidentifier = ANY (?::text[]) AND timestamp COLLATE "C" <= ?
                          AND NOT payloadtype = ANY (?::text[])
                        ORDER BY globalindex
                        """.formatted(EventTable.NAME),
                (rs, i) -> new GenericDomainEventEntry<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                        rs.getBytes(9)),
                texts(aggregates), EventTimestamps.atOrBefore(asOf), texts(skippedTypes))) {
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(rows, eventSerializer,
                    upcasters);
            while (events.hasNext()) {
                handler.accept(events.next());
            }
        }
    }
}
