package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reading the fields of the log's proof JSON strictly: a missing or malformed field is refused, naming it. */
final class LogJson {

    private LogJson() {
    }

    static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + ": a string is required");
        }
        return value.textValue();
    }

    static long size(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() < 0) {
            throw new IllegalArgumentException(field + ": a whole number of 0 or more is required");
        }
        return value.longValue();
    }

    static byte[] hash(JsonNode object, String field) {
        return decode(object.get(field), field);
    }

    static List<byte[]> hashes(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException(field + ": an array of base64 hashes is required");
        }
        List<byte[]> hashes = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            hashes.add(decode(value.get(i), field + "[" + i + "]"));
        }
        return hashes;
    }

    private static byte[] decode(JsonNode value, String field) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + ": a base64 hash is required");
        }
        try {
            byte[] hash = Base64.getDecoder().decode(value.textValue());
            if (hash.length != LogHash.LENGTH) {
                throw new IllegalArgumentException(field + ": a hash is " + LogHash.LENGTH + " bytes, got "
                        + hash.length);
            }
            return hash;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(field)) {
                throw e;
            }
            throw new IllegalArgumentException(field + ": not base64");
        }
    }
}
