package nl.ggz.contracts.api.correlation;

import java.util.Optional;

/**
 * The correlation id of the HTTP request this thread serves ({@link CorrelationIdFilter}): recorded in the metadata of
 * every event the request causes, echoed to the client, and in each log line.
 */
public final class CorrelationId {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationId() {
    }

    /** Empty outside an HTTP request (a deadline, the demo, a test sending commands itself). */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(String correlationId) {
        CURRENT.set(correlationId);
    }

    static void clear() {
        CURRENT.remove();
    }
}
