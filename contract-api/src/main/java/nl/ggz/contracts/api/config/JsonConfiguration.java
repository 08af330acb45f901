package nl.ggz.contracts.api.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import nl.ggz.contracts.api.input.FieldNamingJsonFactory;
import nl.ggz.contracts.api.input.InputJsonModule;
import nl.ggz.contracts.eventstore.StoredJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Two mappers with two jobs. The API's is strict about what clients send (README "Input rules"): no 1.5 cents, no
 * "100" for a number, no 100 for a text, no field twice, no field it does not know, no number longer than
 * {@value #MAX_NUMBER_LENGTH} characters, dates as ISO text in the years 2000 to 2100. The event store's reads back
 * what was written years ago, tolerating fields that later versions added or dropped.
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    /**
     * Long.MIN_VALUE has 19 digits: nothing a client may send is longer, so longer numbers are refused by the parser
     * before any BigInteger or BigDecimal is made of them (Jackson's own bound is 1000).
     */
    public static final int MAX_NUMBER_LENGTH = 24;
    /** The deepest body of the API is a batch, its line and a list in it; 64 leaves room and stops deep nesting early. */
    public static final int MAX_NESTING_DEPTH = 64;

    @Bean
    @Primary
    ObjectMapper apiObjectMapper(Jackson2ObjectMapperBuilder builder) {
        // Jackson's parsers, with the field named when a read constraint refuses
        ObjectMapper mapper = builder.factory(new FieldNamingJsonFactory()).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .build());
        // {"kind":"DIGITAL","kind":"NEGOTIATED"} means two things: refused, naming the key, instead of "last wins"
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        // a misspelt field (offerExpiresAtt) is refused, naming it, instead of being ignored in silence
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.registerModule(new InputJsonModule());
        // nor 12 or true where a text is due (a reason, a code): Jackson would otherwise take them as "12" and "true"
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Axon uses the bean of this name for events, snapshots, tokens and deadlines. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return StoredJson.mapper();
    }
}
