package nl.ggz.contracts.api;

import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.config.annotation.SpringBeanParameterResolverFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: a ceiling's snapshot is taken from the instance in the cache after the commit, no longer by replaying its
 * events. It must be exactly what a replay of its events up to the snapshot's sequence number gives, also when the
 * cached instance has moved on since (the next batch changes it while the snapshot waits to be stored).
 */
class CeilingSnapshotTest extends ApplicationTest {

    /** ggz.snapshots.ceiling-threshold in application.yml: a snapshot every 2,000 events of a ceiling. */
    private static final int THRESHOLD = 2_000;

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aSnapshotOfTheCachedCeilingEqualsAReplayOfItsEventsUpToItsSequence() throws Exception {
        String contractId = signedContract(newInsurer(), 1_000_000_000L);
        String ceilingId = ceilingOf(contractId);
        // three batches: the second crosses the count, the third changes the cached ceiling after it
        for (int batch = 0; batch < 3; batch++) {
            List<Object> lines = new ArrayList<>();
            for (int i = 0; i < 1_100; i++) {
                lines.add(declaration("SNAP-" + batch + "-" + i, contractId, 1_000 + i));
            }
            Api.Response answer = api.post("/api/declarations", Map.of("declarations", lines));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        }
        await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, ceilingId))
                .isPositive());
        Map<String, Object> stored = jdbc.queryForMap("SELECT sequencenumber, payload FROM snapshotevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", ceilingId);
        long sequence = ((Number) stored.get("sequencenumber")).longValue();
        assertThat(sequence).isGreaterThanOrEqualTo(THRESHOLD - 1)
                .isLessThan(eventsOf(ceilingId) - 1);

        DomainEventMessage<?> replayed = new Replay(axon, context, storage).snapshot(ceilingId, sequence);

        assertThat(replayed.getSequenceNumber()).isEqualTo(sequence);
        Serializer serializer = axon.serializer();
        Object fromCache = serializer.deserialize(new SimpleSerializedObject<>((byte[]) stored.get("payload"),
                byte[].class, serializer.typeForClass(CeilingAgreement.class)));
        // field by field, sets as sets (a set of settings is written in its iteration order)
        assertThat(fromCache).usingRecursiveComparison().isEqualTo(replayed.getPayload());
    }

    private long eventsOf(String ceilingId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                ceilingId);
    }

    /** Axon's own snapshotter, as the application used it before: the events read and applied one by one. */
    private static final class Replay extends AggregateSnapshotter {

        private final EventStorageEngine storage;

        @SuppressWarnings("unchecked")
        Replay(org.axonframework.config.Configuration axon, ApplicationContext context, EventStorageEngine storage) {
            super(AggregateSnapshotter.builder()
                    .eventStore(axon.eventStore())
                    .aggregateFactories(List.of(context.getBean("ceilingAgreementFactory", AggregateFactory.class)))
                    .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(CeilingAgreement.class),
                            new SpringBeanParameterResolverFactory(context)))
                    .handlerDefinition(ClasspathHandlerDefinition.forClass(CeilingAgreement.class)));
            this.storage = storage;
        }

        DomainEventMessage<?> snapshot(String ceilingId, long upTo) {
            DomainEventStream events = DomainEventStream.of(storage.readEvents(ceilingId, 0).asStream()
                    .filter(event -> event.getSequenceNumber() <= upTo));
            return createSnapshot(CeilingAgreement.class, ceilingId, events);
        }
    }
}
