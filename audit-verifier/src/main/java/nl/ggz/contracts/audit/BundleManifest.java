package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a bundle: whose events (insurer, year), when it was made, what {@code events.ndjson} holds
 * (how many events, per stored event type, in how many streams, between which positions, and its SHA-256 in hex),
 * the checkpoint that covers them, and per stream its head with the head's inclusion proof in the checkpoint's root.
 * {@code firstPosition} and {@code lastPosition} are null for a bundle without events. Since /2, {@code outOfScope}:
 * the same for each of the insurer's streams outside the year (its head at the checkpoint and the head's proof), so
 * that the leaves listed as that stream's are exactly its events; null in a /1 manifest.
 * <p>
 * Not signed: whatever in it matters is either recomputed from the events by the verifier (counts, checksum, heads)
 * or checked against the signed root (each head, through its proof).
 */
public record BundleManifest(String format, String insurer, int year, String createdAt, long eventCount,
                             Map<String, Long> eventsByType, long streamCount, Long firstPosition, Long lastPosition,
                             String eventsSha256, BundleCheckpoint checkpoint, List<BundleStream> streams,
                             List<BundleStream> outOfScope) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    /**
     * A manifest as written; a missing field, a wrong type or an unknown field is an IOException naming it. A /1
     * manifest has no {@code outOfScope}.
     */
    public static BundleManifest read(InputStream in) throws IOException {
        JsonNode tree = JSON.readTree(in);
        if (tree instanceof ObjectNode object && BundleLayout.FORMAT_1.equals(object.path("format").asText())
                && !object.has("outOfScope")) {
            object.putNull("outOfScope");
        }
        return JSON.treeToValue(tree, BundleManifest.class);
    }
}
