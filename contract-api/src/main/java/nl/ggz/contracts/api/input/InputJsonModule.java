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
import java.util.stream.Collectors;

/**
 * The API's reading of dates and instants ({@link Dates}): ISO text in the years 2000 to 2100, never a number, an
 * array or a five-digit year, with a problem that names the rule; and of enum constants by their exact names. Registered on the API's mapper only: the event
 * store's mapper reads back whatever was stored.
 */
public final class InputJsonModule extends SimpleModule {

    public InputJsonModule() {
        super("ggz-input-rules");
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(OffsetDateTime.class, new MomentDeserializer());
        addDeserializer(Period.class, new PeriodDeserializer());
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

    private static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {
        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            LocalDate date = Dates.date(text);
            if (date == null) {
                throw new InputRuleException(parser, Dates.DATE_RULE + ", got " + got(parser, text));
            }
            return date;
        }
    }

    private static final class MomentDeserializer extends StdScalarDeserializer<OffsetDateTime> {
        MomentDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            OffsetDateTime moment = Dates.moment(text);
            if (moment == null) {
                throw new InputRuleException(parser, Dates.INSTANT_RULE + ", got " + got(parser, text));
            }
            return moment;
        }
    }

    private static final class PeriodDeserializer extends StdScalarDeserializer<Period> {
        PeriodDeserializer() {
            super(Period.class);
        }

        @Override
        public Period deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            Period period = Dates.period(text);
            if (period == null) {
                throw new InputRuleException(parser, Dates.PERIOD_RULE + ", got " + got(parser, text));
            }
            return period;
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
