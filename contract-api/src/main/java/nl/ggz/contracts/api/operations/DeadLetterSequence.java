package nl.ggz.contracts.api.operations;

import java.time.Instant;

/**
 * One parked sequence (for the timeline and most projections: one aggregate), described by its first letter, the one
 * that failed; the others wait behind it because they must be applied after it.
 */
public record DeadLetterSequence(String processingGroup, String sequenceIdentifier, String eventType,
                                 String eventIdentifier, String causeType, String causeMessage, Instant enqueuedAt,
                                 Instant lastTouched, long letters) {
}
