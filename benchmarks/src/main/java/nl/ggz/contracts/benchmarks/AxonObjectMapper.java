package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event store's JSON exactly as the application writes and reads it: a copy of {@code defaultAxonObjectMapper} in
 * contract-api's JsonConfiguration (which cannot be shared: it lives in the Spring Boot application).
 */
public final class AxonObjectMapper {

    private AxonObjectMapper() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** As Axon's Spring Boot auto-configuration builds it around that mapper (events, snapshots, tokens). */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(create()).build();
    }
}
