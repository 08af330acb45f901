package nl.ggz.contracts.api.correlation;

import nl.ggz.contracts.eventstore.AuditMetadata;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies who and which system from the message being handled onto every message it causes, and records the handled
 * message as the cause. A deadline acts on its own behalf: its events name the system, not the user who set it.
 */
public class AuditTrailCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        Map<String, Object> meta = message.getMetaData();
        if (message instanceof DeadlineMessage) {
            data.put(AuditMetadata.PRINCIPAL, "system");
            data.put(AuditMetadata.ROLE, "SYSTEM");
            data.put(AuditMetadata.SOURCE_SYSTEM, "deadline-manager");
        } else {
            copy(meta, data, AuditMetadata.PRINCIPAL);
            copy(meta, data, AuditMetadata.ROLE);
            copy(meta, data, AuditMetadata.TENANT);
            copy(meta, data, AuditMetadata.SOURCE_SYSTEM);
        }
        Object correlation = meta.get(AuditMetadata.CORRELATION_ID);
        data.put(AuditMetadata.CORRELATION_ID, correlation != null ? correlation : message.getIdentifier());
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
