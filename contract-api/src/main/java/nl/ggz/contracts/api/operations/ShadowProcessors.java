package nl.ggz.contracts.api.operations;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the processor of a rebuild ({@link ShadowProcessor}) from what the live processors are made of: the event
 * store, the token store, the transaction manager, the dead-letter table, and new instances of the projection classes
 * made the way Spring made the live ones (so they get the same collaborators and the same handler enhancers).
 */
@Component
class ShadowProcessors {

    private final AutowireCapableBeanFactory beans;
    private final Configuration axon;
    private final EventStore eventStore;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final DeadLetterSchema deadLetterSchema;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final DataSource dataSource;
    private final ReadModelIsolation isolation;

    ShadowProcessors(AutowireCapableBeanFactory beans, Configuration axon, EventStore eventStore, TokenStore tokens,
                     TransactionManager transactions, ConnectionProvider connections,
                     DeadLetterSchema deadLetterSchema, Serializer serializer,
                     @Qualifier("eventSerializer") Serializer eventSerializer, DataSource dataSource,
                     ReadModelIsolation isolation) {
        this.beans = beans;
        this.axon = axon;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.transactions = transactions;
        this.connections = connections;
        this.deadLetterSchema = deadLetterSchema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.dataSource = dataSource;
        this.isolation = isolation;
    }

    /** A processor for these groups (each with the classes of its projections), not started yet. */
    ShadowProcessor create(Map<String, List<Class<?>>> groups, int batchSize) {
        Map<String, List<Object>> projections = new LinkedHashMap<>();
        groups.forEach((group, classes) -> projections.put(group,
                classes.stream().map(type -> (Object) beans.createBean(type)).toList()));
        return new ShadowProcessor(projections, batchSize, axon, eventStore, tokens, transactions, connections,
                deadLetterSchema, serializer, eventSerializer, dataSource, isolation);
    }
}
