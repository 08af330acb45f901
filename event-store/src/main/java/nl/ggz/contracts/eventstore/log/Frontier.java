package nl.ggz.contracts.eventstore.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a log as leaves are appended: the roots of its complete subtrees not yet paired (one per set bit of
 * the size). Appending a leaf completes the subtrees whose last leaf it is; they are handed back to be stored.
 */
public final class Frontier {

    /** A complete aligned subtree: 2^level leaves from index * 2^level. */
    public record Node(int level, long index, byte[] hash) {
    }

    private final List<byte[]> edge;
    private long size;

    private Frontier(long size, List<byte[]> edge) {
        this.size = size;
        this.edge = edge;
    }

    public static Frontier empty() {
        return new Frontier(0, new ArrayList<>());
    }

    /** The right edge of a log of {@code size} leaves, read from its subtrees (a restart: one read per set bit). */
    public static Frontier of(long size, SubtreeSource source) {
        List<byte[]> edge = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                edge.add(source.subtree(level, start >> level));
                start += 1L << level;
            }
        }
        return new Frontier(size, edge);
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash; answers the complete subtrees of level 1 and more that it finished, lowest first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> completed = new ArrayList<>();
        byte[] hash = leafHash;
        long index = size;
        int level = 0;
        while ((index & 1) == 1) {
            hash = LogHashes.node(edge.remove(edge.size() - 1), hash);
            index >>= 1;
            level++;
            completed.add(new Node(level, index, hash));
        }
        edge.add(hash);
        size++;
        return completed;
    }

    /** MTH of the whole log: its edge folded from the right. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return LogHashes.empty();
        }
        byte[] hash = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            hash = LogHashes.node(edge.get(i), hash);
        }
        return hash;
    }
}
