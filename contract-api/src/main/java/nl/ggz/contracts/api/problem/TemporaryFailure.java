package nl.ggz.contracts.api.problem;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * A failure that says nothing about the request, only that it cannot be served at this moment: the database is
 * stopped, restarting or cut off, or another node kept writing the same aggregate. Such failures arrive wrapped in
 * whatever layer met them first (Axon's unit of work, the event store, the query bus, a transaction manager), so the
 * whole chain of causes is read.
 */
public final class TemporaryFailure {

    static final String DATABASE = "the database cannot be reached at the moment; nothing more can be said about this "
            + "request: send it again in a few seconds (declarations are counted once by their declarationId, so a "
            + "repeated batch is safe)";
    static final String CONCURRENT = "other requests kept changing the same contract or ceiling at the same moment; "
            + "nothing was stored for this one: send it again";

    private TemporaryFailure() {
    }

    /** The detail to answer with when {@code failure} is temporary; empty when it is not. */
    public static Optional<String> detailOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isDatabaseUnavailable(t)) {
                return Optional.of(DATABASE);
            }
            if (t instanceof ConcurrencyException) {
                return Optional.of(CONCURRENT);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isDatabaseUnavailable(Throwable t) {
        if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException
                // a commit cut off with its connection, whose rollback then failed too: its outcome is unknown
                || t instanceof TransactionSystemException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() == null) {
            // the pool's own word for a connection it already closed because the server went away
            return "Connection is closed".equals(sql.getMessage());
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // class 08: connection exception; 57P01-57P03: the server is shutting down, crashed, or still starting
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        return false;
    }
}
