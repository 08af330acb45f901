package nl.ggz.contracts.api.operations;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every event a handler fails on, and says so in the log with what an operator needs to find it. Also asked
 * when a retry fails again: the letter goes back to the queue. The cause is cut to the 1,023 characters the
 * causemessage column holds.
 */
record LoggingEnqueuePolicy(String processingGroup) implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(LoggingEnqueuePolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        log.warn("Processing group [{}] could not apply event {} ({}): parked event {} in the dead-letter queue, the "
                        + "later events of its sequence wait behind it. Retry: POST /api/admin/dead-letters/{}/retry",
                processingGroup, event.getIdentifier(), event.getPayloadType().getSimpleName(), event.getIdentifier(),
                processingGroup, cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }
}
