package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
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

    /** The signed note of the current head, key name = origin. */
    public String checkpoint(String insurer) {
        LogHead head = head(insurer);
        return SignedNote.sign(SignedNote.body(head.origin(), head.size(), head.root()), head.origin(),
                key.keyPair().getPrivate(), key.keyPair().getPublic());
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
        try (Connection connection = dataSource.getConnection(); LogStore store = new LogStore(connection)) {
            return reading.apply(store);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the verifiable log", e);
        }
    }
}
