package nl.ggz.contracts.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The form in which a payload or metadata enters an event's hash: the JSON value parsed (decimals as exact
 * {@code BigDecimal}s) and written again compactly, with the keys of every object sorted (by Java's
 * {@code String.compareTo}, i.e. UTF-16 code units), UTF-8 encoded.
 * <p>
 * Why not the stored bytes: the export embeds the JSON into its lines, and whoever reads or re-embeds it (a
 * pretty-printer, another JSON library) may change whitespace, key order or escapes; the value stays the same, and so
 * does this form. Stored bytes that are not one JSON value (possible only after tampering) enter as the JSON string of
 * their text, which is how the export carries them; a missing value is {@code null}.
 */
public final class CanonicalJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalJson() {
    }

    /** The canonical form of JSON as stored in the event table. */
    public static byte[] ofStored(byte[] stored) {
        return of(parseStored(stored));
    }

    /** The canonical form of a JSON value as read from an export line. */
    public static byte[] of(JsonNode value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = MAPPER.getFactory().createGenerator(bytes)) {
            write(value == null || value.isMissingNode() ? NullNode.getInstance() : value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON value could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static JsonNode parseStored(byte[] stored) {
        if (stored == null) {
            return NullNode.getInstance();
        }
        try {
            JsonNode value = MAPPER.readTree(stored);
            if (value != null && !value.isMissingNode()) {
                return value;
            }
        } catch (JsonProcessingException notOneValue) {
            // falls through: carried as text, as the export does
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TextNode.valueOf(new String(stored, StandardCharsets.UTF_8));
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(null);
                out.writeStartObject();
                for (String name : names) {
                    out.writeFieldName(name);
                    write(node.get(name), out);
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(element, out);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.writeNumber(node.bigIntegerValue());
                } else {
                    out.writeNumber(node.decimalValue().toString());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL, MISSING -> out.writeNull();
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
