package nl.ggz.contracts.benchmarks.baseline;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * JDBC transactions for Axon without Spring: a transaction holds one connection for its thread, and the event store,
 * the token store and the projection all get that connection, so a command's events, or a processed event with its
 * token, commit together. Axon 4 ships no such manager outside Spring; this is the smallest one that is correct.
 */
public final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public ThreadBoundTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED; // an inner transaction takes part in the outer one
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            current.set(connection);
            return new Transaction() {
                @Override
                public void commit() {
                    finish(connection, true);
                }

                @Override
                public void rollback() {
                    finish(connection, false);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
    }

    /** Inside a transaction its connection (closing it does nothing); outside one a connection that autocommits. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection bound = current.get();
        if (bound != null) {
            return ConnectionWrapperFactory.wrap(bound, new ConnectionWrapperFactory.NoOpCloseHandler());
        }
        return dataSource.getConnection();
    }

    private void finish(Connection connection, boolean commit) {
        current.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + (commit ? "commit" : "roll back"), e);
        }
    }
}
