package nl.ggz.contracts.api.audit;

/**
 * One event as the event store holds it: its global position, the aggregate it belongs to, its type and revision,
 * the timestamp as stored (ISO-8601, UTC, milliseconds), and payload and metadata as the stored JSON bytes.
 */
public record AuditEvent(long position,
                         String aggregateType,
                         String aggregateId,
                         long sequenceNumber,
                         String eventType,
                         String revision,
                         String timestamp,
                         String eventId,
                         byte[] payload,
                         byte[] metadata) {
}
