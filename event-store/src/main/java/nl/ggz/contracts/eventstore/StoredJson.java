package nl.ggz.contracts.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How events, snapshots, tokens and deadlines are written as JSON and read back, years later: the one definition of
 * Axon's mapper (the application's {@code defaultAxonObjectMapper} bean is this), so that the tests of stored events
 * read them exactly as the application does (README "Events").
 */
public final class StoredJson {

    private StoredJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a field that a later version added or dropped does not stop an old event from loading
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }
}
