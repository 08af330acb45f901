package nl.ggz.contracts.eventstore;

import nl.ggz.contracts.audit.CanonicalJson;
import nl.ggz.contracts.audit.EventHash;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's INSERT of a batch of events ({@code JdbcEventStorageEngineStatements.appendEvents}), plus the hash chain:
 * each row also gets {@code previoushash} and {@code hash} ({@link EventHash}), so an event is never stored without
 * them, in the same transaction.
 * <p>
 * The predecessor of an aggregate's first event in the batch is read on the same connection, one query per aggregate
 * per batch; the rest of the batch is chained in memory. Two writers of one aggregate cannot fork the chain: both
 * would insert the same sequence number and the unique (aggregate, sequence) key stops the second. A predecessor
 * stored before the chain existed (V7) or absent links to 32 zero bytes; the verifier sees the sequence numbers.
 */
public final class ChainedEventAppender implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        EventHash hashes = new EventHash();
        Map<String, Head> heads = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ", previoushash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        try (PreparedStatement predecessor = connection.prepareStatement("SELECT " + "hash FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEventMessage(message);
                SerializedObject<?> payload = event.serializePayload(serializer, dataType);
                SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
                // the string Axon's timestamp writer stores; written as hashed, so that the two can never differ
                String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
                String aggregateId = event.getAggregateIdentifier();
                long sequence = event.getSequenceNumber();

                Head head = heads.get(aggregateId);
                byte[] previous = head != null && head.sequence() == sequence - 1
                        ? head.hash() : storedHash(predecessor, aggregateId, sequence - 1);
                byte[] hash = hashes.of(previous, event.getType(), aggregateId, sequence, event.getIdentifier(),
                        payload.getType().getName(), payload.getType().getRevision(), timestamp,
                        CanonicalJson.ofStored(bytes(payload, serializer)), CanonicalJson.ofStored(bytes(metaData,
                                serializer)));
                heads.put(aggregateId, new Head(sequence, hash));

                statement.setString(1, event.getIdentifier());
                statement.setString(2, aggregateId);
                statement.setLong(3, sequence);
                statement.setString(4, event.getType());
                statement.setString(5, timestamp);
                statement.setString(6, payload.getType().getName());
                statement.setString(7, payload.getType().getRevision());
                statement.setObject(8, payload.getData());
                statement.setObject(9, metaData.getData());
                statement.setBytes(10, previous);
                statement.setBytes(11, hash);
                statement.addBatch();
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /** The hash of the stored event {@code sequence}; none for a stream's first event or one stored before V7. */
    private static byte[] storedHash(PreparedStatement predecessor, String aggregateId, long sequence)
            throws SQLException {
        if (sequence < 0) {
            return EventHash.none();
        }
        predecessor.setString(1, aggregateId);
        predecessor.setLong(2, sequence);
        try (ResultSet rows = predecessor.executeQuery()) {
            byte[] hash = rows.next() ? rows.getBytes(1) : null;
            return hash == null ? EventHash.none() : hash;
        }
    }

    private static byte[] bytes(SerializedObject<?> serialized, Serializer serializer) {
        Object data = serialized.getData();
        return data instanceof byte[] bytes ? bytes : serializer.getConverter().convert(data, byte[].class);
    }

    /** As Axon stores an event that belongs to no aggregate: its own id as aggregate, sequence 0. */
    private static <T> DomainEventMessage<T> asDomainEventMessage(EventMessage<T> event) {
        return event instanceof DomainEventMessage<T> domain
                ? domain
                : new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    private record Head(long sequence, byte[] hash) {
    }
}
