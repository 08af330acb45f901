package nl.ggz.contracts.api.config;

import nl.ggz.contracts.api.security.Identity;

/**
 * Who is calling and under which correlation id, for the duration of one HTTP request: the who from the bearer token
 * ({@link Identity}), the correlation id from {@link CallerContextFilter}.
 */
public record CallerContext(String principal, String role, String tenant, String sourceSystem, String correlationId) {

    private static final ThreadLocal<String> CORRELATION = new ThreadLocal<>();

    /** The caller of the request this thread serves, or null outside a request. */
    public static CallerContext current() {
        String correlationId = CORRELATION.get();
        if (correlationId == null) {
            return null;
        }
        return Identity.current()
                .map(identity -> new CallerContext(identity.principal(), identity.role().name(), identity.tenant(),
                        identity.sourceSystem(), correlationId))
                .orElseGet(() -> new CallerContext("anonymous", "UNKNOWN", null, "api", correlationId));
    }

    static void setCorrelationId(String correlationId) {
        CORRELATION.set(correlationId);
    }

    static void clear() {
        CORRELATION.remove();
    }
}
