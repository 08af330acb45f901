package nl.ggz.contracts.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ggz.contracts.jdbc.TableOwner;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One real PostgreSQL for the whole test run of this module (started on first use, stopped with the JVM), migrated by
 * Flyway from every {@code db/migration} folder on the classpath, as the application migrates it: the event store's
 * and the read models' own.
 * <p>
 * The tests talk to it over one connection, in transactions of Spring's {@link DataSourceTransactionManager}, so that
 * what the read models hold back until commit ({@code CommitBatch}) is written as in production; and with
 * {@code reWriteBatchedInserts} on, as the application's pool has it, so batched writes reach PostgreSQL as the same
 * multi-row statements.
 */
public final class ReadModelDatabase {

    private static ReadModelDatabase shared;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String url;

    private ReadModelDatabase() throws IOException {
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
        this.url = postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
        SingleConnectionDataSource connection = new SingleConnectionDataSource(url, true);
        this.jdbc = new JdbcTemplate(connection);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
    }

    public static synchronized ReadModelDatabase get() {
        if (shared == null) {
            try {
                shared = new ReadModelDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }
        return shared;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** A connection of its own to the same database, for a test of two transactions at once. */
    public SingleConnectionDataSource anotherConnection() {
        return new SingleConnectionDataSource(url, true);
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    /** The one value the query selects, as a number; null for NULL. */
    public Long number(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, Long.class, parameters);
    }

    public String text(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, String.class, parameters);
    }

    public Instant instant(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, (rs, i) -> {
            java.sql.Timestamp value = rs.getTimestamp(1);
            return value == null ? null : value.toInstant();
        }, parameters);
    }

    public LocalDate date(String sql, Object... parameters) {
        return jdbc.queryForObject(sql, (rs, i) -> {
            java.sql.Date value = rs.getDate(1);
            return value == null ? null : value.toLocalDate();
        }, parameters);
    }

    /** The first column of every row, as text. */
    public List<String> texts(String sql, Object... parameters) {
        return jdbc.queryForList(sql, String.class, parameters);
    }

    /** Empties the tables of these read models: each test starts from nothing, whatever ran before it. */
    public void empty(TableOwner... owners) {
        String tables = Arrays.stream(owners).flatMap(owner -> owner.tables().stream()).distinct()
                .collect(Collectors.joining(", "));
        jdbc.update("TRUNCATE " + tables);
    }
}
