package nl.ggz.contracts.api.correlation;

import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.eventstore.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Stamps a command sent while serving an HTTP request with who sent it — the {@link Caller} of the bearer token, never
 * the body or a header — and the request's correlation id, unless the command already carries a principal.
 */
public class CommandMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Optional<String> correlationId = CorrelationId.current();
            if (correlationId.isEmpty() || command.getMetaData().containsKey(AuditMetadata.PRINCIPAL)) {
                return command;
            }
            Map<String, Object> meta = new HashMap<>();
            Optional<Caller> caller = Caller.current();
            meta.put(AuditMetadata.PRINCIPAL, caller.map(Caller::principal).orElse("anonymous"));
            meta.put(AuditMetadata.ROLE, caller.map(c -> c.role().name()).orElse("UNKNOWN"));
            caller.map(Caller::tenant).ifPresent(tenant -> meta.put(AuditMetadata.TENANT, tenant));
            meta.put(AuditMetadata.SOURCE_SYSTEM, caller.map(Caller::sourceSystem).orElse("api"));
            meta.put(AuditMetadata.CORRELATION_ID, correlationId.get());
            // the HTTP request is the cause of a command sent while serving it
            meta.put(AuditMetadata.CAUSATION_ID, correlationId.get());
            return command.andMetaData(meta);
        };
    }
}
