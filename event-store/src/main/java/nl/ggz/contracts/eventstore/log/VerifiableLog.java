package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
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
