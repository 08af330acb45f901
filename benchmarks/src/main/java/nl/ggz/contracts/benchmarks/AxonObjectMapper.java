package nl.ggz.contracts.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.eventstore.StoredJson;
import org.axonframework.serialization.json.JacksonSerializer;

/** The event store's JSON exactly as the application writes and reads it (event-store's {@link StoredJson}). */
public final class AxonObjectMapper {

    private AxonObjectMapper() {
    }

    public static ObjectMapper create() {
        return StoredJson.mapper();
    }

    /** As Axon's Spring Boot auto-configuration builds it around that mapper (events, snapshots, tokens). */
    public static JacksonSerializer serializer() {
        return JacksonSerializer.builder().objectMapper(create()).build();
    }
}
