package nl.ggz.contracts.api.problem;

import nl.ggz.contracts.domain.shared.StateConflictException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A database that cannot be reached is a 503 whichever layer wraps it; a refusal by a rule never is. */
class TemporaryFailureTest {

    @Test
    void anUnreachableDatabaseIsTemporaryHoweverDeeplyWrapped() {
        assertThat(TemporaryFailure.detailOf(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).contains(TemporaryFailure.DATABASE);
        assertThat(TemporaryFailure.detailOf(new CompletionException(new CommandExecutionException("query failed",
                new CannotGetJdbcConnectionException("refused"))))).contains(TemporaryFailure.DATABASE);
        // a transaction cut off by pg_ctl stop: "terminating connection due to administrator command"
        assertThat(TemporaryFailure.detailOf(new EventStoreException("append failed",
                new SQLException("terminating connection", "57P01")))).contains(TemporaryFailure.DATABASE);
    }

    @Test
    void aCommitCutOffWithItsConnectionIsTemporary() {
        // Spring rolls back after a failed commit; on a dead connection that fails as well
        assertThat(TemporaryFailure.detailOf(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).contains(TemporaryFailure.DATABASE);
    }

    @Test
    void aConcurrentWriteThatKeptLosingIsTemporary() {
        assertThat(TemporaryFailure.detailOf(new ConcurrencyException("sequence 7 was already inserted")))
                .contains(TemporaryFailure.CONCURRENT);
    }

    @Test
    void aRuleOrAStateConflictIsNotTemporary() {
        assertThat(TemporaryFailure.detailOf(new StateConflictException("signed already"))).isEmpty();
        assertThat(TemporaryFailure.detailOf(new SQLException("syntax error", "42601"))).isEmpty();
    }
}
