package nl.ggz.contracts.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon's event store that an insert met the key on (aggregate, sequence): another node appended to the same
 * aggregate first. Axon's JDBC default looks for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL
 * driver never throws (it reports SQLState 23505, unique_violation, also inside a {@code BatchUpdateException}); the
 * conflict then surfaced as a plain {@code EventStoreException}, a 500, instead of a {@code ConcurrencyException} that
 * the command gateway and the ingestion retry.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
