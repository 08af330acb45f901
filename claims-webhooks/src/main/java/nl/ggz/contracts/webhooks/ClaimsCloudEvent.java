package nl.ggz.contracts.webhooks;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntryType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * One claims feed line as a CloudEvent in structured JSON mode ({@code application/cloudevents+json}): {@code data} is
 * the feed line itself (the same JSON as {@code GET /api/claims-feed}), {@code subject} its ceiling, {@code type}
 * what it tells ({@code nl.ggz.contracts.claims.declaration-accepted}, {@code .held-released},
 * {@code .declaration-reduced}, {@code .ceiling-settled}), and {@code id} the idempotency key: the subscription and the
 * line's cursor, the same on every attempt and unique per subscription.
 */
public final class ClaimsCloudEvent {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    public static final String TYPE_PREFIX = "nl.ggz.contracts.claims.";

    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private ClaimsCloudEvent() {
    }

    /** The idempotency key of a line delivered to a subscription. */
    public static String id(UUID subscriptionId, ClaimsFeedEntry entry) {
        return subscriptionId + ":" + entry.cursor();
    }

    public static String type(ClaimsFeedEntryType type) {
        return TYPE_PREFIX + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CloudEvent of(UUID subscriptionId, ClaimsFeedEntry entry, URI source) {
        return CloudEventBuilder.v1()
                .withId(id(subscriptionId, entry))
                .withSource(source)
                .withType(type(entry.type()))
                .withSubject(entry.ceilingId())
                .withTime(entry.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(entry.jsonLine().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** The body of the POST: the event in structured JSON mode. */
    public static byte[] body(CloudEvent event) {
        return FORMAT.serialize(event);
    }
}
