package nl.ggz.contracts.api.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import nl.ggz.contracts.domain.shared.Echo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The API's reading of dates and instants ({@link Dates}): ISO text in the years 2000 to 2100, never a number, an
 * array or a five-digit year, with a problem that names the rule; and of enum constants by their exact names. Registered on the API's mapper only: the event
 * store's mapper reads back whatever was stored.
 */
public final class InputJsonModule extends SimpleModule {

    public InputJsonModule() {
        super("ggz-input-rules");
        addDeserializer(LocalDate.class, new RuleDeserializer<>(LocalDate.class, Dates::date, Dates.DATE_RULE));
        addDeserializer(OffsetDateTime.class, new RuleDeserializer<>(OffsetDateTime.class, Dates::moment,
                Dates.INSTANT_RULE));
        addDeserializer(Period.class, new RuleDeserializer<>(Period.class, Dates::period, Dates.PERIOD_RULE));
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnumDeserializer(deserializer, type.getRawClass());
            }
        });
    }

    /** A value that breaks an input rule of this API; the message is the rule, with at most 40 characters of input. */
    public static final class InputRuleException extends JsonMappingException {
        InputRuleException(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** A date, moment or period read by its rule in {@link Dates}: null from the rule means the text breaks it. */
    private static final class RuleDeserializer<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> read;
        private final String rule;

        RuleDeserializer(Class<T> type, Function<String, T> read, String rule) {
            super(type);
            this.read = read;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            T value = read.apply(text);
            if (value == null) {
                throw new InputRuleException(parser, rule + ", got " + got(parser, text));
            }
            return value;
        }
    }

    /**
     * An enum constant by its exact name: Jackson trims what it cannot find and tries again, so "DIGITAL " and
     * "DIGITAL\u0000" (NUL is below the space) were read as DIGITAL.
     */
    private static final class ExactEnumDeserializer extends DelegatingDeserializer {
        private final Class<?> type;

        ExactEnumDeserializer(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnumDeserializer(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (!text.equals(text.strip()) || !text.equals(text.trim())) {
                    throw new InputRuleException(parser, "expects one of " + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf).collect(Collectors.joining(", ")) + ", got '" + Echo.of(text) + "'");
                }
            }
            return super.deserialize(parser, context);
        }
    }

    private static String got(JsonParser parser, String text) {
        return text != null ? "'" + Echo.of(text) + "'" : JsonProblems.tokenKind(parser.currentToken());
    }
}
