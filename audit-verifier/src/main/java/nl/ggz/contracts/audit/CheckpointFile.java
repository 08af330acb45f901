package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the checkpoints as {@code GET /api/audit/checkpoints} answers them: a JSON array of objects with {@code id},
 * {@code createdAt} (ISO-8601), {@code upToPosition}, {@code events}, {@code streams}, {@code merkleRoot} (hex),
 * {@code keyId} and {@code signature} (base64). A malformed file is refused as a whole, naming the entry.
 */
public final class CheckpointFile {

    private CheckpointFile() {
    }

    public static List<Checkpoint> read(Reader json) throws IOException {
        JsonNode root = CanonicalJson.MAPPER.readTree(json);
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("the checkpoints are not a JSON array");
        }
        List<Checkpoint> checkpoints = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            checkpoints.add(checkpoint(root.get(i), i));
        }
        return checkpoints;
    }

    /** One checkpoint as {@code GET /api/audit/checkpoints/{id}} answers it: a bundle's {@code checkpoint.json}. */
    public static Checkpoint readOne(Reader json) throws IOException {
        JsonNode root = CanonicalJson.MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the checkpoint is not a JSON object");
        }
        return checkpoint(root, "the checkpoint");
    }

    private static Checkpoint checkpoint(JsonNode entry, int index) {
        return checkpoint(entry, "checkpoint #" + (index + 1) + " of the file");
    }

    private static Checkpoint checkpoint(JsonNode entry, String where) {
        try {
            return new Checkpoint(number(entry, "id"), Instant.parse(text(entry, "createdAt")),
                    number(entry, "upToPosition"), number(entry, "events"), number(entry, "streams"),
                    HexFormat.of().parseHex(text(entry, "merkleRoot")), text(entry, "keyId"),
                    Base64.getDecoder().decode(text(entry, "signature")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": createdAt is not an ISO-8601 instant", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static long number(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return value.longValue();
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return value.textValue();
    }
}
