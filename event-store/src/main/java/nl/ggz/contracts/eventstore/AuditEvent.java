package nl.ggz.contracts.eventstore;

/**
 * One event as the event store holds it: its global position, the aggregate it belongs to, its type and revision,
 * the timestamp as stored (ISO-8601, UTC, milliseconds), payload and metadata as the stored JSON bytes, and its link
 * in the hash chain ({@code nl.ggz.contracts.audit.EventHash}; both null for events stored before the chain existed).
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
                         byte[] metadata,
                         byte[] previousHash,
                         byte[] hash) {
}
