package nl.ggz.contracts.projections.claimsfeed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the claims feed: one declaration's payable change (or a ceiling's settlement), read from the event that
 * recorded it. {@code payableChangeCents} and {@code heldChangeCents} are changes, so that the claims system that adds
 * up every line from the start holds each declaration's payable and held amount (and, per ceiling, the totals of
 * {@code GET /api/ceilings/{id}}). {@code cursor} is where to resume after this line; {@code position} is the global
 * position of its event, {@code eventId} the event's id (the same on a replay: an idempotency key).
 * <p>
 * The same entries are what the webhooks deliver: {@link #jsonLine()} is the one rendering.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimsFeedEntry(String cursor,
                              long position,
                              ClaimsFeedEntryType type,
                              String eventId,
                              Instant occurredAt,
                              String ceilingId,
                              String contractId,
                              String declarationId,
                              LocalDate treatmentDate,
                              Long amountCents,
                              Long payableChangeCents,
                              Long heldChangeCents,
                              String cause,
                              String causeId,
                              Settlement settlement) {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** The year's final figures, as {@code CeilingSettled} recorded them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settlement(long ceilingCents, long declaredCents, long payableCents, long unpaidCents,
                             long clawedBackCents) {
    }

    /** The cursor as a value, to resume after this line. */
    public FeedCursor feedCursor() {
        return FeedCursor.parse(cursor);
    }

    /** The line as the feed writes it (one JSON object, no line break). */
    public String jsonLine() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a claims feed entry could not be written as JSON", e);
        }
    }
}
