package nl.ggz.contracts.api.config;

/**
 * Who is calling, for the duration of one HTTP request. Issue-5 security will fill this from the bearer token; until
 * then it comes from request headers (X-Principal, X-Role, X-Tenant, X-Source-System, X-Correlation-Id).
 */
public record CallerContext(String principal, String role, String tenant, String sourceSystem, String correlationId) {

    private static final ThreadLocal<CallerContext> CURRENT = new ThreadLocal<>();

    public static CallerContext current() {
        return CURRENT.get();
    }

    static void set(CallerContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }
}
