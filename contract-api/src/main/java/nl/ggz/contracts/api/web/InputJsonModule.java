package nl.ggz.contracts.api.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import nl.ggz.contracts.domain.shared.Echo;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The API's reading of dates and instants ({@link Dates}): ISO text in the years 2000 to 2100, never a number, an
 * array or a five-digit year, with a problem that names the rule. Registered on the API's mapper only: the event
 * store's mapper reads back whatever was stored.
 */
public final class InputJsonModule extends SimpleModule {

    public InputJsonModule() {
        super("ggz-input-rules");
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(OffsetDateTime.class, new MomentDeserializer());
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

    private static String got(JsonParser parser, String text) {
        return text != null ? "'" + Echo.of(text) + "'" : JsonProblems.tokenKind(parser.currentToken());
    }
}
