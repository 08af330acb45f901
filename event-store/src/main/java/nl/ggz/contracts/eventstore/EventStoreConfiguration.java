package nl.ggz.contracts.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event store on PostgreSQL: Axon's JDBC storage engine with the hash chain on every append, and its settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreProperties.class, AuditProperties.class})
public class EventStoreConfiguration {

    /**
     * Axon's JDBC event store as Spring Boot would build it, but reading in pages of {@code batch-size} events
     * ({@link EventStoreProperties}) instead of 100: a streaming processor catching up after a burst of claims batches,
     * or a ceiling loaded without a recent snapshot, then needs ten times fewer queries. Events are inserted with their
     * hash chain ({@link ChainedEventAppender}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventStoreProperties settings) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EventTable.SCHEMA)
                .batchSize(settings.batchSize())
                // every event is stored with its link in the hash chain (issue 6, tamper evidence)
                .appendEvents(new ChainedEventAppender())
                .build();
    }

    /** A duplicate (aggregate, sequence) on PostgreSQL is a concurrent write, not a failure of the store. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }
}
