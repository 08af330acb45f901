package nl.ggz.contracts.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Snapshots of a cached aggregate taken from the instance in the cache, instead of Axon's snapshotter, which reads the
 * aggregate's last snapshot and every event after it from the store again, deserialises and applies them: for a hot
 * ceiling that was one more read and deserialisation of every event ingested (BENCHMARKS.md, issue 19).
 * <p>
 * Every {@code threshold} events, as {@code EventCountSnapshotTriggerDefinition} counts them, the snapshot is taken
 * after the commit of the unit of work that crossed the count, still under the aggregate's lock (released at clean-up):
 * the cached instance then holds exactly the committed state up to its version, the sequence number the snapshot is
 * stored at. It is copied there (serialised and read back) on the command's thread, so that the commands that follow
 * cannot change it, and stored on the snapshotter's thread. A unit of work that rolls back takes no snapshot (the next
 * count does); an aggregate not in the cache (evicted) or handled outside a unit of work goes to Axon's snapshotter.
 */
final class CachedAggregateSnapshots implements SnapshotTriggerDefinition {

    private static final Logger log = LoggerFactory.getLogger(CachedAggregateSnapshots.class);
    private static final String SCHEDULED = CachedAggregateSnapshots.class.getName() + ".scheduled";

    private final Cache cache;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final TransactionManager transactions;
    private final Executor executor;
    private final Snapshotter fallback;
    private final int threshold;

    CachedAggregateSnapshots(Cache cache, EventStore eventStore, Serializer serializer, TransactionManager transactions,
                             Executor executor, Snapshotter fallback, int threshold) {
        this.cache = cache;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.transactions = transactions;
        this.executor = executor;
        this.fallback = fallback;
        this.threshold = threshold;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new CountingTrigger(aggregateType);
    }

    /** Counts the events applied to one aggregate instance; it lives as long as the instance stays cached. */
    private final class CountingTrigger implements SnapshotTrigger {

        private final Class<?> aggregateType;
        private int counter;

        CountingTrigger(Class<?> aggregateType) {
            this.aggregateType = aggregateType;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            if (message instanceof DomainEventMessage<?> event && ++counter >= threshold) {
                counter = 0;
                schedule(aggregateType, event.getAggregateIdentifier());
            }
        }

        @Override
        public void initializationFinished() {
            // loading counts like handling: a long tail of events after the last snapshot is snapshotted too
        }
    }

    private void schedule(Class<?> aggregateType, String aggregateId) {
        if (!CurrentUnitOfWork.isStarted()) {
            fallback.scheduleSnapshot(aggregateType, aggregateId);
            return;
        }
        // the root: a command sent while another is handled commits with the outer one
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> scheduled = root.getOrComputeResource(SCHEDULED, key -> new HashSet<>());
        if (scheduled.add(aggregateId)) {
            root.afterCommit(u -> snapshotOfCached(aggregateType, aggregateId));
        }
    }

    /** The instance an in-memory cache entry holds; null for an entry that was serialised (it holds none). */
    private EventSourcedAggregate<?> cachedInstance(AggregateCacheEntry<?> entry) {
        try {
            return entry.recreateAggregate(null, eventStore, null, this);
        } catch (RuntimeException noInstance) {
            return null;
        }
    }

    private void snapshotOfCached(Class<?> aggregateType, String aggregateId) {
        AggregateCacheEntry<?> entry = cache.get(aggregateId);
        // an entry kept in memory holds the instance itself: that of the unit of work just committed (still locked)
        EventSourcedAggregate<?> aggregate = entry == null ? null : cachedInstance(entry);
        if (aggregate == null || aggregate.version() == null || !aggregateType.isInstance(aggregate.getAggregateRoot())) {
            fallback.scheduleSnapshot(aggregateType, aggregateId);
            return;
        }
        if (aggregate.isDeleted()) {
            return;
        }
        String type = aggregate.type();
        long sequence = aggregate.version();
        SerializedObject<byte[]> state = serializer.serialize(aggregate.getAggregateRoot(), byte[].class);
        Object copy = serializer.deserialize(state);
        executor.execute(() -> {
            try {
                // built here, outside the unit of work: a snapshot carries no correlation metadata, as Axon's
                transactions.executeInTransaction(() -> eventStore.storeSnapshot(
                        new GenericDomainEventMessage<>(type, aggregateId, sequence, copy)));
            } catch (RuntimeException e) {
                // a snapshot is a cache: without it the aggregate loads from the previous one and more events
                log.warn("Snapshot of {} {} at {} not stored", type, aggregateId, sequence, e);
            }
        });
    }
}
