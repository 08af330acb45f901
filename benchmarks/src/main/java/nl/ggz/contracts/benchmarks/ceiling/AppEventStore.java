package nl.ggz.contracts.benchmarks.ceiling;

import nl.ggz.contracts.benchmarks.AxonObjectMapper;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;

/**
 * The application's event store, read from outside it: the JDBC engine as Axon's Spring Boot auto-configuration
 * builds it (default lower-case tables, bytea as byte[]), reading in pages of 1,000 events as the application does
 * ({@code ggz.event-store.batch-size}), with the application's Jackson mapper.
 * Without snapshots the engine still reads the snapshot but rejects it, so the whole stream is replayed.
 */
public final class AppEventStore {

    private AppEventStore() {
    }

    public static EmbeddedEventStore open(DataSource dataSource, boolean snapshots) {
        JacksonSerializer serializer = AxonObjectMapper.serializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new DataSourceConnectionProvider(dataSource)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .batchSize(1000)
                .snapshotFilter(snapshots ? SnapshotFilter.allowAll() : SnapshotFilter.rejectAll())
                .build();
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }
}
