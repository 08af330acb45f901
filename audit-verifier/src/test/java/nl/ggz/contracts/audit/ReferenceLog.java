package nl.ggz.contracts.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A naive log for the tests, written from the definitions of RFC 9162 §2.1 and nothing else: MTH by recursion,
 * PATH (§2.1.3.1) and SUBPROOF (§2.1.4.1) by recursion. Subtree hashes are memoized by range so that every pair of
 * sizes up to a few hundred stays quick.
 */
final class ReferenceLog {

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<Long, byte[]> memo = new HashMap<>();

    ReferenceLog(List<byte[]> leafInputs) {
        leafInputs.forEach(input -> leafHashes.add(LogHash.leaf(input)));
    }

    static ReferenceLog of(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] input = new byte[32];
            random.nextBytes(input);
            inputs.add(input);
        }
        return new ReferenceLog(inputs);
    }

    byte[] leafHash(int index) {
        return leafHashes.get(index);
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(int lo, int hi) {
        int n = hi - lo;
        if (n == 0) {
            return LogHash.emptyRoot();
        }
        if (n == 1) {
            return leafHashes.get(lo);
        }
        long key = ((long) lo << 32) | hi;
        byte[] known = memo.get(key);
        if (known != null) {
            return known;
        }
        int k = (int) LogHash.split(n);
        byte[] hash = LogHash.node(mth(lo, lo + k), mth(lo + k, hi));
        memo.put(key, hash);
        return hash;
    }

    byte[] root(int size) {
        return mth(0, size);
    }

    /** PATH(m, D[0:n]): the inclusion proof of leaf m, bottom first. */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int lo, int hi) {
        int n = hi - lo;
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = (int) LogHash.split(n);
        if (m < k) {
            path.addAll(path(m, lo, lo + k));
            path.add(mth(lo + k, hi));
        } else {
            path.addAll(path(m - k, lo + k, hi));
            path.add(mth(lo, lo + k));
        }
        return path;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
    List<byte[]> consistency(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
        int n = hi - lo;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(lo, hi));
            }
            return proof;
        }
        int k = (int) LogHash.split(n);
        if (m <= k) {
            proof.addAll(subproof(m, lo, lo + k, b));
            proof.add(mth(lo + k, hi));
        } else {
            proof.addAll(subproof(m - k, lo + k, hi, false));
            proof.add(mth(lo, lo + k));
        }
        return proof;
    }
}
