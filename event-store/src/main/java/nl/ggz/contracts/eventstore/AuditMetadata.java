package nl.ggz.contracts.eventstore;

/** The metadata keys every event carries: who, from which system, and why (correlation and causation). */
public final class AuditMetadata {
    public static final String PRINCIPAL = "principal";
    public static final String ROLE = "role";
    public static final String TENANT = "tenant";
    public static final String SOURCE_SYSTEM = "sourceSystem";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private AuditMetadata() {
    }
}
