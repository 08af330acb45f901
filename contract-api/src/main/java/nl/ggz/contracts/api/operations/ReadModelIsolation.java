package nl.ggz.contracts.api.operations;

import nl.ggz.contracts.jdbc.EventIsolation;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * No event can stop a streaming read model. A read model applies a batch of events in one transaction and sends most
 * of its writes at commit ({@code CommitBatch}): fast, but when one write fails PostgreSQL aborts the whole
 * transaction, and nothing — not even the dead letter — can be written in it any more. So after a batch of a group
 * fails, the group applies the events of that batch, when they come again, in isolation: each event's handler inside
 * a savepoint of its own ({@link SavepointPerEvent}), its writes sent at once. An event that fails again is undone
 * alone and parked in the dead-letter queue with its cause; the others commit. Past the failed batch's last position
 * the group is back to whole batches.
 */
@Component
public class ReadModelIsolation {

    private static final Logger log = LoggerFactory.getLogger(ReadModelIsolation.class);
    private static final String WATCHED = ReadModelIsolation.class.getName() + ".watched";

    /** Per group: events up to this global position are applied one at a time. */
    private final Map<String, Long> isolatedUpTo = new ConcurrentHashMap<>();

    /** Whether the group applies the event at {@code position} on its own. */
    public boolean isolates(String group, long position) {
        return position <= isolatedUpTo.getOrDefault(group, -1L);
    }

    /** The interceptor of the group's processor: it watches each batch and isolates events while needed. */
    MessageHandlerInterceptor<EventMessage<?>> interceptorFor(String group) {
        return (unitOfWork, chain) -> {
            watch(group, unitOfWork);
            return isolates(group, position(unitOfWork.getMessage()))
                    ? EventIsolation.isolated(chain::proceed) : chain.proceed();
        };
    }

    /** Once per batch (one unit of work for all its events): a rollback isolates the batch's events when they come again. */
    private void watch(String group, UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        if (unitOfWork.resources().putIfAbsent(WATCHED, Boolean.TRUE) != null) {
            return;
        }
        unitOfWork.onRollback(u -> {
            // the whole batch, also the events after the one it stopped at
            long upTo = u instanceof BatchingUnitOfWork<?> batch
                    ? batch.getMessages().stream().mapToLong(ReadModelIsolation::position).max().orElse(-1)
                    : position(u.getMessage());
            if (upTo >= 0 && isolatedUpTo.merge(group, upTo, Math::max) == upTo) {
                log.warn("Read model [{}] could not commit a batch ({}); it applies the events up to position {} one "
                        + "at a time, so that the event at fault is parked in the dead-letter queue and the rest goes "
                        + "on", group, cause(u), upTo);
            }
        });
    }

    private static long position(Message<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }

    private static String cause(UnitOfWork<?> unitOfWork) {
        Throwable root = unitOfWork.getExecutionResult() == null ? null
                : unitOfWork.getExecutionResult().getExceptionResult();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "no cause given" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
