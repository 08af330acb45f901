package nl.ggz.contracts.api.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import nl.ggz.contracts.api.config.JsonConfiguration;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What Jackson could not read, in the client's terms: the field (a path such as {@code declarations[0].amountCents}),
 * what it expects, and at most 40 characters of what came — never class names, source excerpts or the whole input.
 * Used for request bodies (ProblemDetailsAdvice) and for each line of a claims batch (DeclarationIntake).
 */
public final class JsonProblems {

    private static final int MAX_DETAIL = 300;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private JsonProblems() {
    }

    public static String describe(Throwable failure) {
        JacksonException jackson = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof InvalidValueException invalid) {
                return capped(invalid.getMessage());
            }
            if (t instanceof JacksonException found) {
                jackson = found;
                break;
            }
        }
        if (jackson == null) {
            return "the request body is missing or is not JSON";
        }
        return capped(describe(jackson));
    }

    private static String describe(JacksonException jackson) {
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            String path = path(unknown);
            Collection<Object> known = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            List<String> names = known.stream().map(String::valueOf).sorted().toList();
            return "unknown field '" + path + "'" + (names.isEmpty() ? "" : "; the fields here are "
                    + String.join(", ", names));
        }
        if (jackson instanceof JsonMappingException mapping) {
            String path = path(mapping);
            Throwable inner = mapping.getCause();
            if (inner instanceof InvalidValueException invalid) {
                return field(path) + invalid.getMessage();
            }
            if (inner instanceof JacksonException reading && !(inner instanceof JsonMappingException)) {
                return reading(reading, path);
            }
            return field(path) + mappingProblem(mapping);
        }
        return reading(jackson, null);
    }

    /** The parser's own refusals: duplicate keys, limits, numbers out of range, malformed JSON. */
    private static String reading(JacksonException reading, String path) {
        String where = parserPath(reading, true);
        where = where.isEmpty() && path != null ? path : where;
        String message = reading.getOriginalMessage() == null ? "" : reading.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            // the parser refuses the second key before it stands on it: its name is in the message
            String object = parserPath(reading, false);
            String field = (object.isEmpty() ? "" : object + ".") + Echo.of(duplicate.group(1));
            return "duplicate field '" + field + "': each field is given once";
        }
        if (reading instanceof StreamConstraintsException
                || reading.getCause() instanceof StreamConstraintsException) {
            if (message.startsWith("Number value length")) {
                return field(where) + "a number is at most " + JsonConfiguration.MAX_NUMBER_LENGTH
                        + " characters long";
            }
            if (message.contains("nesting depth")) {
                return "the body is nested deeper than " + JsonConfiguration.MAX_NESTING_DEPTH + " levels";
            }
            return field(where) + "the body exceeds a limit of this API";
        }
        if (reading instanceof InputCoercionException coercion) {
            return field(where) + "expects " + kindOf(coercion.getTargetType()) + ", got a number out of its range";
        }
        JsonLocation location = reading.getLocation();
        String at = location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "the body is not valid JSON" + at + ": " + quotesCut(message);
    }

    private static String mappingProblem(JsonMappingException mapping) {
        if (mapping instanceof InputJsonModule.InputRuleException rule) {
            return rule.getOriginalMessage();
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            Object value = format.getValue();
            String got = value instanceof String text ? "'" + Echo.of(text) + "'" : Echo.of(String.valueOf(value));
            return "expects " + kindOf(target) + ", got " + got;
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            String message = mismatch.getOriginalMessage() == null ? "" : mismatch.getOriginalMessage();
            if (message.startsWith("No content to map")) {
                return "the request body is missing or empty";
            }
            JsonToken token = mismatch.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
            return "expects " + kindOf(mismatch.getTargetType()) + (token == null ? "" : ", got " + tokenKind(token));
        }
        return "cannot be read: " + quotesCut(withoutClassNames(mapping.getOriginalMessage()));
    }

    /** How a JSON token is called in a problem: "a number", "an object" … */
    public static String tokenKind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    public static String kindOf(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "text";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == LocalDate.class) {
            return Dates.DATE_RULE;
        }
        if (type == OffsetDateTime.class) {
            return Dates.INSTANT_RULE;
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object";
    }

    /** The path Jackson kept while it mapped: declarations[0].amountCents. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(Echo.of(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Where the parser stood when it refused (a duplicate key, a number too long): no mapping path exists yet. */
    private static String parserPath(JacksonException reading, boolean withCurrentName) {
        if (!(reading.getProcessor() instanceof JsonParser parser)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        JsonStreamContext innermost = parser.getParsingContext();
        for (JsonStreamContext context = innermost; context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null && (withCurrentName || context != innermost)) {
                parts.add("." + Echo.of(context.getCurrentName()));
            } else if (context.inArray()) {
                parts.add("[" + Math.max(context.getCurrentIndex(), 0) + "]");
            }
        }
        Collections.reverse(parts);
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String field(String path) {
        return path == null || path.isEmpty() ? "" : "field '" + path + "': ";
    }

    /**
     * Quoted text cut to 40 characters and an ellipsis, invisible characters shown as ?: Jackson quotes tokens it could
     * not read up to 256 characters, other messages quote what they were given.
     */
    public static String quotesCut(String message) {
        if (message == null) {
            return "";
        }
        // a quote opens after a space, a parenthesis or the start, and closes before one, punctuation or the end
        return message.replaceAll("(^|[\\s(\\[])'([^']{" + Echo.MAX + "})[^']+'(?=$|[\\s,;:.)\\]])", "$1'$2…'")
                .replaceAll("(^|[\\s(\\[])\"([^\"]{" + Echo.MAX + "})[^\"]+\"(?=$|[\\s,;:.)\\]])", "$1\"$2…\"")
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}\\u2028\\u2029]", "?");
    }

    private static String withoutClassNames(String message) {
        return message == null ? "" : message.replaceAll("`?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?", "$1");
    }

    private static String capped(String detail) {
        return detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }
}
