package nl.ggz.contracts.projections;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Hands events to read models as an event processor does: each payload becomes an event message with an id, a
 * timestamp, the principal in its metadata and a tracking token of the next global position, and is given to the
 * projection's {@code @EventHandler}s through Axon's own adapter — so the handler Axon would choose is called, with
 * the arguments Axon would resolve ({@code @Timestamp}, {@code TrackingToken}, {@code @MetaDataValue}). The events of
 * one call are handled in one transaction, as a processor handles a batch.
 */
public final class EventFeed {

    private final ReadModelDatabase database;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private long position;
    private Instant now = Instant.parse("2027-01-04T09:00:00Z");
    private String principal = "inkoper-3311";

    public EventFeed(ReadModelDatabase database, Object... projections) {
        this.database = database;
        this.handlers = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** The timestamp of the events handled from now on. */
    public EventFeed at(Instant moment) {
        this.now = moment;
        return this;
    }

    public EventFeed at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** The principal recorded in the metadata of the events handled from now on. */
    public EventFeed by(String principal) {
        this.principal = principal;
        return this;
    }

    /** Handles the payloads in order, in one transaction; returns the messages as they were handled. */
    public List<TrackedEventMessage<?>> handle(Object... payloads) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            EventMessage<?> event = new GenericEventMessage<>(UUID.randomUUID().toString(), payload,
                    MetaData.with("principal", principal), now);
            messages.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(++position), event));
        }
        deliver(messages);
        return messages;
    }

    /** Handles these very messages again (same ids and positions), in one transaction: a retried or replayed batch. */
    public void handleAgain(List<TrackedEventMessage<?>> messages) {
        deliver(messages);
    }

    /** What a processor's reset does: the read models' {@code @ResetHandler}s, in one transaction. */
    public void reset() {
        database.transactions().executeWithoutResult(status -> handlers.forEach(AnnotationEventHandlerAdapter::prepareReset));
    }

    private void deliver(List<TrackedEventMessage<?>> messages) {
        database.transactions().executeWithoutResult(status -> {
            for (TrackedEventMessage<?> message : messages) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    try {
                        handler.handle(message);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException("handling " + message.getPayloadType().getSimpleName()
                                + " failed", e);
                    }
                }
            }
        });
    }
}
