package nl.ggz.contracts.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The root of the log as leaves are appended, in memory that grows with log2 of the size: the roots of the complete
 * subtrees of the leaves so far (a "compact range"), folded from the right when a root is asked for. Also keeps the
 * root of every aligned complete block of {@code blockSize} leaves (a power of two), which the trusted state stores so
 * that a later rewrite can be narrowed to its block ({@link TrustedState}).
 */
public final class LogRoot {

    private final long blockSize;
    private final byte[][] hashes = new byte[64][];
    private final long[] sizes = new long[64];
    private int depth;
    private long size;
    private final List<byte[]> blockRoots = new ArrayList<>();

    public LogRoot(long blockSize) {
        if (blockSize < 1 || Long.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("a block is a power of two of leaves, not " + blockSize);
        }
        this.blockSize = blockSize;
    }

    /** Appends the leaf of one event: its chain hash as leaf input. */
    public void appendInput(byte[] leafInput) {
        appendLeafHash(LogHash.leaf(leafInput));
    }

    public void appendLeafHash(byte[] leafHash) {
        byte[] hash = leafHash;
        long subtree = 1;
        if (blockSize == 1) {
            blockRoots.add(hash);
        }
        // equal neighbours merge: the left one is the complete subtree just before this one
        while (depth > 0 && sizes[depth - 1] == subtree) {
            hash = LogHash.node(hashes[--depth], hash);
            subtree <<= 1;
            if (subtree == blockSize) {
                blockRoots.add(hash);
            }
        }
        hashes[depth] = hash;
        sizes[depth++] = subtree;
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves appended so far (RFC 9162 §2.1.1 MTH). */
    public byte[] root() {
        if (depth == 0) {
            return LogHash.emptyRoot();
        }
        byte[] root = hashes[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            root = LogHash.node(hashes[i], root);
        }
        return root;
    }

    public long blockSize() {
        return blockSize;
    }

    /** The roots of the complete aligned blocks so far, in order. */
    public List<byte[]> blockRoots() {
        return List.copyOf(blockRoots);
    }
}
