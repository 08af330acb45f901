package nl.ggz.contracts.eventstore.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log's tables (V50) on one connection: its leaves, the subtrees kept at even levels from 2 on, and each log's
 * size. What the connection sees is committed (or its own transaction's), and nothing appended ever changes, so a
 * subtree read once stays right.
 */
public final class LogStore implements AutoCloseable {

    public static final String GLOBAL = "global";

    private final PreparedStatement leaf;
    private final PreparedStatement node;
    private final PreparedStatement size;
    private final PreparedStatement leafIndex;

    public LogStore(Connection connection) throws SQLException {
        this.leaf = connection.prepareStatement(
                "SELECT leaf_hash, position FROM audit_log_leaf WHERE log = ? AND leaf_index = ?");
        this.node = connection.prepareStatement(
                "SELECT hash FROM audit_log_node WHERE log = ? AND level = ? AND node_index = ?");
        this.size = connection.prepareStatement("SELECT size, last_position FROM audit_log_head WHERE log = ?");
        this.leafIndex = connection.prepareStatement(
                "SELECT leaf_index FROM audit_log_leaf WHERE log = ? AND position = ?");
    }

    /** Whether the subtrees of this level are stored (else made of the two below). */
    static boolean stored(int level) {
        return level >= 2 && level % 2 == 0;
    }

    /** The size of a log and the last position it holds; zeros for a log with no leaf yet. */
    public long[] head(String log) {
        try {
            size.setString(1, log);
            try (ResultSet rows = size.executeQuery()) {
                return rows.next() ? new long[]{rows.getLong(1), rows.getLong(2)} : new long[]{0, 0};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the size of log " + log, e);
        }
    }

    /** The leaf index of a global position in a log, if that log holds it. */
    public Optional<Long> leafIndex(String log, long position) {
        try {
            leafIndex.setString(1, log);
            leafIndex.setLong(2, position);
            try (ResultSet rows = leafIndex.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read log " + log, e);
        }
    }

    public byte[] leafHash(String log, long index) {
        try {
            leaf.setString(1, log);
            leaf.setLong(2, index);
            try (ResultSet rows = leaf.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("log " + log + " has no leaf " + index);
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read log " + log, e);
        }
    }

    /** The subtrees of one log, remembered for the life of this store (one answer, or one append run). */
    public SubtreeSource subtrees(String log) {
        Map<Long, byte[]> known = new HashMap<>();
        return new SubtreeSource() {
            @Override
            public byte[] subtree(int level, long index) {
                long key = ((long) level << 56) | index;
                byte[] hash = known.get(key);
                if (hash == null) {
                    hash = level == 0 ? leafHash(log, index)
                            : stored(level) ? storedNode(log, level, index)
                            : LogHashes.node(subtree(level - 1, 2 * index), subtree(level - 1, 2 * index + 1));
                    known.put(key, hash);
                }
                return hash;
            }
        };
    }

    private byte[] storedNode(String log, int level, long index) {
        try {
            node.setString(1, log);
            node.setInt(2, level);
            node.setLong(3, index);
            try (ResultSet rows = node.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("log " + log + " has no subtree " + index + " at level " + level);
                }
                return rows.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read log " + log, e);
        }
    }

    /** A leaf to append, and the subtrees it completes. */
    record Appended(String log, long leafIndex, long position, byte[] leafHash, List<Frontier.Node> nodes) {
    }

    /**
     * Writes one batch: leaves, the subtrees kept, new streams' insurers and the logs' new heads. Leaves and subtrees go
     * as arrays into one INSERT … SELECT FROM unnest(…) each: a back-fill writes millions of rows.
     */
    static void write(Connection connection, List<Appended> leaves, Map<String, String> newStreams,
                      Map<String, long[]> heads) throws SQLException {
        int n = leaves.size();
        String[] leafLogs = new String[n];
        Long[] indexes = new Long[n];
        Long[] positions = new Long[n];
        byte[][] hashes = new byte[n][];
        List<String> nodeLogs = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        List<Long> nodeIndexes = new ArrayList<>();
        List<byte[]> nodeHashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Appended appended = leaves.get(i);
            leafLogs[i] = appended.log();
            indexes[i] = appended.leafIndex();
            positions[i] = appended.position();
            hashes[i] = appended.leafHash();
            for (Frontier.Node completed : appended.nodes()) {
                if (stored(completed.level())) {
                    nodeLogs.add(appended.log());
                    levels.add(completed.level());
                    nodeIndexes.add(completed.index());
                    nodeHashes.add(completed.hash());
                }
            }
        }
        try (PreparedStatement leafInsert = connection.prepareStatement("""
                INSERT INTO audit_log_leaf (log, leaf_index, position, leaf_hash)
                SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bytea[])
                """);
             PreparedStatement nodeInsert = connection.prepareStatement("""
                     INSERT INTO audit_log_node (log, level, node_index, hash)
                     SELECT * FROM unnest(?::text[], ?::integer[], ?::bigint[], ?::bytea[])
                     """);
             PreparedStatement streamInsert = connection.prepareStatement(
                     "INSERT INTO audit_log_stream (aggregate_id, insurer) VALUES (?, ?)");
             PreparedStatement headUpsert = connection.prepareStatement("""
                     INSERT INTO audit_log_head (log, size, last_position) VALUES (?, ?, ?)
                     ON CONFLICT (log) DO UPDATE SET size = EXCLUDED.size, last_position = EXCLUDED.last_position
                     """)) {
            leafInsert.setArray(1, connection.createArrayOf("text", leafLogs));
            leafInsert.setArray(2, connection.createArrayOf("bigint", indexes));
            leafInsert.setArray(3, connection.createArrayOf("bigint", positions));
            leafInsert.setArray(4, connection.createArrayOf("bytea", hashes));
            leafInsert.executeUpdate();
            if (!nodeLogs.isEmpty()) {
                nodeInsert.setArray(1, connection.createArrayOf("text", nodeLogs.toArray()));
                nodeInsert.setArray(2, connection.createArrayOf("integer", levels.toArray()));
                nodeInsert.setArray(3, connection.createArrayOf("bigint", nodeIndexes.toArray()));
                nodeInsert.setArray(4, connection.createArrayOf("bytea", nodeHashes.toArray(new byte[0][])));
                nodeInsert.executeUpdate();
            }
            for (Map.Entry<String, String> stream : newStreams.entrySet()) {
                streamInsert.setString(1, stream.getKey());
                streamInsert.setString(2, stream.getValue());
                streamInsert.addBatch();
            }
            for (Map.Entry<String, long[]> head : heads.entrySet()) {
                headUpsert.setString(1, head.getKey());
                headUpsert.setLong(2, head.getValue()[0]);
                headUpsert.setLong(3, head.getValue()[1]);
                headUpsert.addBatch();
            }
            streamInsert.executeBatch();
            headUpsert.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        leaf.close();
        node.close();
        size.close();
        leafIndex.close();
    }
}
