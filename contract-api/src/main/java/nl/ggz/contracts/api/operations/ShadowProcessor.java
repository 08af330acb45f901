package nl.ggz.contracts.api.operations;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one streaming processor of a blue/green rebuild: it reads and deserialises the event stream once for every
 * group being rebuilt and hands each event to fresh instances of those groups' projections, whose writes go to the
 * shadow schema ({@link ShadowSearchPath}). Each group keeps a dead-letter queue of its own, under
 * {@link #deadLetterGroup}: an event one projection fails on is parked there with its sequence and the others go on;
 * at the swap those letters become the live group's. Built for one rebuild and thrown away after it; Axon's own
 * configuration, fixed at start, knows nothing of it.
 * <p>
 * One segment: at the swap its single token says exactly which events the new tables hold, and it is written into
 * every segment of the live groups (more segments would each stop at a different place). On two cores more segments
 * would only compete with the live processors and ingestion for the same CPU.
 * <p>
 * A tracking processor, not a pooled one: its one thread reads a batch and applies it. Axon's pooled processor hands
 * events to its workers through a queue of 1,024 and, when the queue is full — always, while replaying — waits 100 ms
 * before it reads on, which held a rebuild at about 6,500 events/s (BENCHMARKS.md, measurement 8).
 */
final class ShadowProcessor {

    /** Its name in the token table. */
    static final String NAME = "read-model-rebuild";
    private static final String DEAD_LETTER_PREFIX = "rebuild:";

    private final TrackingEventProcessor processor;

    /**
     * @param projections per group being rebuilt, fresh instances of its projection classes
     */
    ShadowProcessor(Map<String, List<Object>> projections, int batchSize, Configuration axon,
                    StreamableMessageSource<TrackedEventMessage<?>> events, TokenStore tokens,
                    TransactionManager transactions, ConnectionProvider connections, DeadLetterSchema deadLetterSchema,
                    Serializer serializer, Serializer eventSerializer, DataSource dataSource,
                    ReadModelIsolation isolation) {
        List<EventHandlerInvoker> invokers = new ArrayList<>();
        projections.forEach((group, handlers) -> {
            String letters = deadLetterGroup(group);
            invokers.add(DeadLetteringEventHandlerInvoker.builder()
                    .eventHandlers(handlers.stream().map(handler -> new AnnotationEventHandlerAdapter(handler,
                            axon.parameterResolverFactory(), axon.handlerDefinition(handler.getClass()))).toList())
                    .queue(JdbcSequencedDeadLetterQueue.builder()
                            .processingGroup(letters)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .schema(deadLetterSchema)
                            .genericSerializer(serializer)
                            .eventSerializer(eventSerializer)
                            .build())
                    .enqueuePolicy(new LoggingEnqueuePolicy(letters))
                    .transactionManager(transactions)
                    .enableSequenceIdentifierCache()
                    .build());
        });
        this.processor = TrackingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(new ShadowInvoker(invokers))
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andThreadFactory(name -> task -> {
                            Thread thread = new Thread(task, NAME);
                            thread.setDaemon(true);
                            return thread;
                        }))
                .build();
        // the search path first: the isolation's savepoints then lie inside it, and a rollback to one keeps it
        processor.registerHandlerInterceptor(ShadowSearchPath.interceptor(dataSource, ShadowTables.SCHEMA));
        processor.registerHandlerInterceptor(isolation.interceptorFor(NAME));
    }

    static String deadLetterGroup(String group) {
        return DEAD_LETTER_PREFIX + group;
    }

    void start() {
        processor.start();
    }

    /** Finishes the batch at hand and releases the segment. */
    void shutDown() {
        processor.shutDown();
    }

    boolean isRunning() {
        return processor.isRunning();
    }

    Collection<EventTrackerStatus> segments() {
        return processor.processingStatus().values();
    }

    boolean isError() {
        return processor.isError() || segments().stream().anyMatch(EventTrackerStatus::isErrorState);
    }
}
