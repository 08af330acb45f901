package nl.ggz.contracts.writestore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ggz.contracts.jdbc.TableOwner;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One real PostgreSQL for this module's test run (started on first use, stopped with the JVM), migrated by Flyway
 * from every {@code db/migration} folder on the classpath, as the application migrates it. The tests use one
 * connection, with {@code reWriteBatchedInserts} on as in the application's pool, in transactions of Spring's
 * {@link DataSourceTransactionManager}: what the ledger holds back until commit is written as in production.
 */
public final class WriteStoreDatabase {

    private static WriteStoreDatabase shared;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private WriteStoreDatabase() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away: nothing left to tell
            }
        }));
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true", true);
        this.jdbc = new JdbcTemplate(connection);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
    }

    public static synchronized WriteStoreDatabase get() {
        if (shared == null) {
            try {
                shared = new WriteStoreDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }
        return shared;
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
