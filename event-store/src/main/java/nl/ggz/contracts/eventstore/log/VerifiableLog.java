package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import org.springframework.stereotype.Component;

import nl.ggz.contracts.eventstore.AuditEventReader;
import nl.ggz.contracts.eventstore.EventTable;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the verifiable log as the appender ({@link LogAppender}) has it: heads, signed checkpoints, inclusion and
 * consistency proofs, of the global log ({@code insurer} null) or an insurer's. Each answer reads O(log n) rows.
 * A checkpoint is made when asked for and not stored: Ed25519 signatures are deterministic, so the same size always
 * gives the same note, and whoever relies on a head keeps it (the verifier's trusted state).
 */
@Component
public class VerifiableLog {

    private final DataSource dataSource;
    private final AuditSigningKey key;
    private final LogProperties settings;

    public VerifiableLog(DataSource dataSource, AuditSigningKey key, LogProperties settings) {
        this.dataSource = dataSource;
        this.key = key;
        this.settings = settings;
    }

    public String origin(String insurer) {
        return settings.origin(insurer);
    }

    /** The log's current size: 0 for an insurer without events (the same answer whether it exists or not). */
    public long size(String insurer) {
        return read(store -> store.head(name(insurer))[0]);
    }

    public LogHead head(String insurer) {
        return read(store -> {
            long size = store.head(name(insurer))[0];
            return new LogHead(origin(insurer), size, new LogProofs(store.subtrees(name(insurer))).root(size));
        });
    }

    /** The signed note of the current head, key name = origin, with the witnesses' cosignatures of it. */
    public String checkpoint(String insurer) {
        return checkpoint(insurer, null);
    }

    /**
     * The signed note of the head of {@code size} leaves (1 ≤ size ≤ the log's size; null: the current head), with
     * the cosignature lines witnesses gave for exactly that head (origin, size, root) appended.
     */
    public String checkpoint(String insurer, Long size) {
        String log = name(insurer);
        return read((connection, store) -> {
            long treeSize = size == null ? store.head(log)[0] : size;
            byte[] root = new LogProofs(store.subtrees(log)).root(treeSize);
            String note = SignedNote.sign(SignedNote.body(origin(insurer), treeSize, root), origin(insurer),
                    key.keyPair().getPrivate(), key.keyPair().getPublic());
            StringBuilder cosigned = new StringBuilder(note);
            try (PreparedStatement lines = connection.prepareStatement("SELECT line FROM audit_log_cosignature"
                    + " WHERE log = ? AND tree_size = ? AND root = ? ORDER BY received_at, witness")) {
                lines.setString(1, log);
                lines.setLong(2, treeSize);
                lines.setBytes(3, root);
                try (ResultSet rows = lines.executeQuery()) {
                    while (rows.next()) {
                        cosigned.append(rows.getString(1)).append('\n');
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the cosignatures of " + origin(insurer), e);
            }
            return cosigned.toString();
        });
    }

    /** MTH of the log's first {@code size} leaves, 0 ≤ size ≤ the log's size. */
    public byte[] root(String insurer, long size) {
        return read(store -> new LogProofs(store.subtrees(name(insurer))).root(size));
    }

    /** The signed note of the log's head at {@code size} leaves (at most its current size). */
    public String checkpoint(String insurer, long size) {
        byte[] root = read(store -> new LogProofs(store.subtrees(name(insurer))).root(size));
        return SignedNote.sign(SignedNote.body(origin(insurer), size, root), origin(insurer),
                key.keyPair().getPrivate(), key.keyPair().getPublic());
    }

    /** How many leaves of the log are events at or below {@code position}. */
    public long sizeAt(String insurer, long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement size = connection.prepareStatement("SELECT leaf_index + 1 FROM audit_log_leaf WHERE "
                     + "log = ? AND position <= ? ORDER BY position DESC LIMIT 1")) {
            size.setString(1, name(insurer));
            size.setLong(2, position);
            try (ResultSet rows = size.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the verifiable log", e);
        }
    }

    /** Whether the log holds every committed event up to {@code position} (the appender has passed it). */
    public boolean covers(long position) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement behind = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + EventTable.NAME
                     + " WHERE globalindex <= ? AND globalindex > COALESCE((SELECT last_position FROM audit_log_head "
                     + "WHERE log = ?), 0))")) {
            behind.setLong(1, position);
            behind.setString(2, LogStore.GLOBAL);
            try (ResultSet rows = behind.executeQuery()) {
                rows.next();
                return !rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the verifiable log", e);
        }
    }

    /**
     * The log's first {@code size} leaves in order, each with its event's stream and sequence, through a database
     * cursor (memory stays flat however long the log).
     */
    public void leaves(String insurer, long size, LogLeaf.Sink sink) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement leaves = connection.prepareStatement("""
                    SELECT l.leaf_index, l.position, e.aggregateidentifier, e.sequencenumber, l.leaf_hash
                    FROM audit_log_leaf l LEFT JOIN %s e ON e.globalindex = l.position
                    WHERE l.log = ? AND l.leaf_index < ? ORDER BY l.leaf_index
                    """.formatted(EventTable.NAME))) {
                leaves.setFetchSize(AuditEventReader.FETCH_SIZE);
                leaves.setString(1, name(insurer));
                leaves.setLong(2, size);
                try (ResultSet rows = leaves.executeQuery()) {
                    while (rows.next()) {
                        long sequence = rows.getLong(4);
                        sink.accept(new LogLeaf(rows.getLong(1), rows.getLong(2), rows.getString(3),
                                rows.wasNull() ? null : sequence, rows.getBytes(5)));
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the leaves of the verifiable log", e);
        }
    }

    /** The proof of the event at {@code position} in the log's first {@code treeSize} leaves, if it is one of them. */
    public Optional<InclusionAnswer> inclusion(long position, long treeSize, String insurer) {
        String log = name(insurer);
        return read(store -> store.leafIndex(log, position).filter(index -> index < treeSize).map(index ->
                new InclusionAnswer(origin(insurer), treeSize, index, position, store.leafHash(log, index),
                        new LogProofs(store.subtrees(log)).inclusion(index, treeSize))));
    }

    /** RFC 9162 §2.1.4.1 from a tree of {@code from} leaves to one of {@code to}, 1 ≤ from ≤ to ≤ size. */
    public List<byte[]> consistency(long from, long to, String insurer) {
        return read(store -> new LogProofs(store.subtrees(name(insurer))).consistency(from, to));
    }

    private static String name(String insurer) {
        return insurer == null ? LogStore.GLOBAL : insurer;
    }

    private <T> T read(Function<LogStore, T> reading) {
        return read((connection, store) -> reading.apply(store));
    }

    private <T> T read(java.util.function.BiFunction<Connection, LogStore, T> reading) {
        try (Connection connection = dataSource.getConnection(); LogStore store = new LogStore(connection)) {
            return reading.apply(connection, store);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the verifiable log", e);
        }
    }
}
