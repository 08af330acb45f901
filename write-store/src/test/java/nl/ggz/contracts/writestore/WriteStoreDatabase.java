package nl.ggz.contracts.writestore;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The projections' test database ({@link ReadModelDatabase}: one real PostgreSQL, migrated as the application
 * migrates it, one connection with {@code reWriteBatchedInserts} in Spring transactions, so that what the ledger
 * holds back until commit is written as in production), with what the write side's tests do on it.
 */
public final class WriteStoreDatabase {

    private static final WriteStoreDatabase SHARED = new WriteStoreDatabase(ReadModelDatabase.get());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private WriteStoreDatabase(ReadModelDatabase database) {
        this(database.jdbc(), database.transactions());
    }

    private WriteStoreDatabase(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The same database over a connection of its own: a second writer, for a test of two transactions at once. */
    public static WriteStoreDatabase secondWriter() {
        org.springframework.jdbc.datasource.SingleConnectionDataSource connection =
                ReadModelDatabase.get().anotherConnection();
        return new WriteStoreDatabase(new JdbcTemplate(connection), new TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(connection)));
    }

    public static WriteStoreDatabase get() {
        return SHARED;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Hands the payloads, in order and in one transaction, to the component's {@code @EventHandler}s as an event
     * processor does: as event messages, through Axon's own adapter.
     */
    public void handle(Object component, Object... payloads) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(component);
        transactions.executeWithoutResult(status -> {
            for (Object payload : payloads) {
                try {
                    handlers.handle(new GenericEventMessage<>(UUID.randomUUID().toString(), payload,
                            MetaData.emptyInstance(), Instant.now()));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("handling " + payload.getClass().getSimpleName() + " failed", e);
                }
            }
        });
    }

    /** Runs the work in one transaction, as a command handler reads the ledger in its command's transaction. */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** Empties the tables of these components: each test starts from nothing, whatever ran before it. */
    public void empty(TableOwner... owners) {
        String tables = Arrays.stream(owners).flatMap(owner -> owner.tables().stream()).distinct()
                .collect(Collectors.joining(", "));
        jdbc.update("TRUNCATE " + tables);
    }
}
