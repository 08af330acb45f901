package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a bundle: whose events (insurer, year), when it was made, what {@code events.ndjson} holds
 * (how many events, per stored event type, in how many streams, between which positions, and its SHA-256 in hex),
 * the checkpoint that covers them, and per stream its head with the head's inclusion proof in the checkpoint's root.
 * {@code firstPosition} and {@code lastPosition} are null for a bundle without events.
 * <p>
 * Not signed: whatever in it matters is either recomputed from the events by the verifier (counts, checksum, heads)
 * or checked against the signed root (each head, through its proof).
 */
public record BundleManifest(String format, String insurer, int year, String createdAt, long eventCount,
                             Map<String, Long> eventsByType, long streamCount, Long firstPosition, Long lastPosition,
                             String eventsSha256, BundleCheckpoint checkpoint, List<BundleStream> streams) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    /** A manifest as written; a missing field, a wrong type or an unknown field is an IOException naming it. */
    public static BundleManifest read(InputStream in) throws IOException {
        return JSON.readValue(in, BundleManifest.class);
    }
}
