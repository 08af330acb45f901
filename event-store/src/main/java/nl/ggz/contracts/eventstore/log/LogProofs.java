package nl.ggz.contracts.eventstore.log;

import java.util.ArrayList;
import java.util.List;

/**
 * The root, inclusion proofs and consistency proofs of RFC 9162 §2.1 over a log's subtrees. The RFC's recursion splits
 * a range [lo, hi) at lo + k, k the largest power of two below its size; every range it meets starts at a multiple of
 * the powers of two below its size, so its hash (MTH) is the right fold of the complete aligned subtrees its size
 * decomposes into, largest first — at most one per level, each one read from the {@link SubtreeSource}.
 */
public final class LogProofs {

    private final SubtreeSource source;

    public LogProofs(SubtreeSource source) {
        this.source = source;
    }

    /** MTH(D[0:size]); the empty tree's hash for size 0. */
    public byte[] root(long size) {
        return size == 0 ? LogHashes.empty() : range(0, size);
    }

    /** PATH(index, D[0:size]), RFC 9162 §2.1.3.1: the sibling hashes from the leaf up, nearest first. */
    public List<byte[]> inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(from, D[0:to]), RFC 9162 §2.1.4.1 (SUBPROOF with b = true); empty when from == to. */
    public List<byte[]> consistency(long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from < to) {
            subproof(from, 0, to, true, proof);
        }
        return proof;
    }

    private void path(long index, long lo, long hi, List<byte[]> path) {
        if (hi - lo == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(hi - lo);
        if (index < lo + k) {
            path(index, lo, lo + k, path);
            path.add(range(lo + k, hi));
        } else {
            path(index, lo + k, hi, path);
            path.add(range(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean complete, List<byte[]> proof) {
        if (m == hi) {
            if (!complete) {
                proof.add(range(lo, hi));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(hi - lo);
        if (m <= lo + k) {
            subproof(m, lo, lo + k, complete, proof);
            proof.add(range(lo + k, hi));
        } else {
            subproof(m, lo + k, hi, false, proof);
            proof.add(range(lo, lo + k));
        }
    }

    /** MTH(D[lo:hi]) for a range the recursion meets: the right fold of its aligned complete subtrees. */
    byte[] range(long lo, long hi) {
        List<byte[]> parts = new ArrayList<>();
        long start = lo;
        while (start < hi) {
            int level = 63 - Long.numberOfLeadingZeros(hi - start);
            // the largest complete subtree that fits and is aligned at start
            while (level > 0 && start % (1L << level) != 0) {
                level--;
            }
            parts.add(source.subtree(level, start >> level));
            start += 1L << level;
        }
        byte[] hash = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = LogHashes.node(parts.get(i), hash);
        }
        return hash;
    }

    /** The largest power of two strictly below n (n ≥ 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
