package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A payload or metadata column as exported: the stored JSON text, byte for byte, so that what the regulator receives
 * is what the event store holds (and a hash over it can later be checked). The text is checked to be one JSON value
 * first; stored bytes that are not (possible only if someone got past the append-only trigger) are exported as a JSON
 * string instead, so that the line stays readable and the damage shows at that event.
 * <p>
 * Checked with Jackson's defaults, not with the API's strict input rules: what is stored is judged as stored.
 */
record StoredJson(String text, boolean valid) {

    private static final JsonFactory STORED = new JsonFactory();

    static StoredJson of(byte[] bytes) {
        if (bytes == null) {
            return new StoredJson(null, true);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return new StoredJson(text, isOneValue(bytes));
    }

    private static boolean isOneValue(byte[] bytes) {
        try (JsonParser parser = STORED.createParser(bytes)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
