package nl.ggz.contracts.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes that a projection gathers while the events of one transaction pass, sent to PostgreSQL just before that
 * transaction commits. A claims batch of 1,000 declarations then costs one JDBC batch of ledger rows and one update of
 * each total, instead of 2,000 round trips: the writes stay in the event's transaction, so they commit or roll back
 * with it, and a failing write still fails the transaction.
 * <p>
 * Two kinds of write: {@link #write} keeps its order (consecutive writes of the same SQL travel as one JDBC batch);
 * {@link #merge} keeps one row per key, the transaction's contributions combined, for totals that only add up. Merged
 * rows are written after the ordered writes. Outside a transaction each write is executed at once, and so is each
 * write of an event applied in isolation ({@link EventIsolation}): its failure then belongs to that event alone.
 */
public final class CommitBatch {

    /** One row of totals: combined with the next contribution to the same key, and written as the SQL's parameters. */
    public interface Row<T extends Row<T>> {
        T plus(T other);

        Object[] parameters();
    }

    private final JdbcTemplate jdbc;

    public CommitBatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(String sql, Object... parameters) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, parameters);
            return;
        }
        if (EventIsolation.active()) {
            // what earlier events of the transaction left pending goes first, so the order is kept
            pending.flush();
            jdbc.update(sql, parameters);
            return;
        }
        Statements last = pending.ordered.isEmpty() ? null : pending.ordered.get(pending.ordered.size() - 1);
        if (last == null || !last.sql.equals(sql)) {
            last = new Statements(sql);
            pending.ordered.add(last);
        }
        last.parameters.add(parameters);
    }

    @SuppressWarnings("unchecked")
    public <T extends Row<T>> void merge(String sql, Object key, T row) {
        Pending pending = pending();
        if (pending == null) {
            jdbc.update(sql, row.parameters());
            return;
        }
        if (EventIsolation.active()) {
            pending.flush();
            jdbc.update(sql, row.parameters());
            return;
        }
        pending.merged.computeIfAbsent(sql, s -> new LinkedHashMap<>())
                .merge(key, row, (a, b) -> ((T) a).plus((T) b));
    }

    /** Sends what is pending now: before a query in the same transaction that must see it. */
    public void flush() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (pending != null) {
            pending.flush();
        }
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private record Statements(String sql, List<Object[]> parameters) {
        Statements(String sql) {
            this(sql, new ArrayList<>());
        }
    }

    private final class Pending implements TransactionSynchronization {
        final List<Statements> ordered = new ArrayList<>();
        final Map<String, Map<Object, Row<?>>> merged = new LinkedHashMap<>();

        /** Also what Spring calls when the transaction is flushed. */
        @Override
        public void flush() {
            for (Statements statements : ordered) {
                jdbc.batchUpdate(statements.sql, statements.parameters);
            }
            ordered.clear();
            merged.forEach((sql, rows) -> jdbc.batchUpdate(sql, rows.values().stream().map(Row::parameters).toList()));
            merged.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitBatch.this);
        }
    }
}
