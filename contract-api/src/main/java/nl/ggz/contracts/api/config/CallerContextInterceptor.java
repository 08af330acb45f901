package nl.ggz.contracts.api.config;

import nl.ggz.contracts.eventstore.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Stamps commands sent from an HTTP request with the caller, unless the command already carries one. */
public class CallerContextInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            CallerContext caller = CallerContext.current();
            if (caller == null || command.getMetaData().containsKey(AuditMetadata.PRINCIPAL)) {
                return command;
            }
            Map<String, Object> meta = new HashMap<>();
            meta.put(AuditMetadata.PRINCIPAL, caller.principal());
            meta.put(AuditMetadata.ROLE, caller.role());
            if (caller.tenant() != null) {
                meta.put(AuditMetadata.TENANT, caller.tenant());
            }
            meta.put(AuditMetadata.SOURCE_SYSTEM, caller.sourceSystem());
            meta.put(AuditMetadata.CORRELATION_ID, caller.correlationId());
            // the HTTP request is the cause of a command sent while serving it
            meta.put(AuditMetadata.CAUSATION_ID, caller.correlationId());
            return command.andMetaData(meta);
        };
    }
}
