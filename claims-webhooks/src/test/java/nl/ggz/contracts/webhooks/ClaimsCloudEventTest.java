package nl.ggz.contracts.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntryType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A feed line in the CloudEvents structured JSON mode: the feed's own JSON as {@code data}, not base64. */
class ClaimsCloudEventTest {

    @Test
    void aFeedLineIsACloudEventWhoseDataIsTheLineAndWhoseIdIsTheSubscriptionAndCursor() throws Exception {
        UUID subscription = UUID.fromString("3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13");
        ClaimsFeedEntry entry = new ClaimsFeedEntry("1234.1", 1234, ClaimsFeedEntryType.HELD_RELEASED,
                "e-1", Instant.parse("2026-06-01T10:15:30Z"), "c-1-2026", "c-1", "d-9", null, null, 2_000L, -2_000L,
                "ADDENDUM_SIGNED", "a-1", null);

        byte[] body = ClaimsCloudEvent.body(ClaimsCloudEvent.of(subscription, entry, URI.create("urn:ggz-contracts")));

        JsonNode event = new ObjectMapper().readTree(body);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isEqualTo("3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13:1234.1");
        assertThat(event.path("type").asText()).isEqualTo("nl.ggz.contracts.claims.held-released");
        assertThat(event.path("source").asText()).isEqualTo("urn:ggz-contracts");
        assertThat(event.path("subject").asText()).isEqualTo("c-1-2026");
        assertThat(event.path("time").asText()).isEqualTo("2026-06-01T10:15:30Z");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.has("data_base64")).isFalse();
        assertThat(event.path("data")).isEqualTo(new ObjectMapper().readTree(entry.jsonLine()));
        assertThat(ClaimsCloudEvent.type(ClaimsFeedEntryType.DECLARATION_ACCEPTED))
                .isEqualTo("nl.ggz.contracts.claims.declaration-accepted");
    }
}
