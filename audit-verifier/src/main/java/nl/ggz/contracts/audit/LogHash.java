package nl.ggz.contracts.audit;

import java.security.MessageDigest;

/**
 * The hashing of the append-only event log, exactly RFC 9162 §2.1.1 (as RFC 6962 §2.1): SHA-256, a leaf is
 * {@code SHA-256(0x00 ‖ leaf input)}, an interior node {@code SHA-256(0x01 ‖ left ‖ right)}, and the tree of n leaves
 * splits at the largest power of two below n. The leaf input of an event is its chain hash ({@link EventHash}, the 32
 * raw bytes), the leaves in global order. Not the {@link MerkleRoot} of stream heads, which is another tree.
 */
public final class LogHash {

    public static final int LENGTH = 32;

    private LogHash() {
    }

    /** The root of the empty log: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return MerkleRoot.sha256().digest();
    }

    public static byte[] leaf(byte[] input) {
        MessageDigest sha256 = MerkleRoot.sha256();
        sha256.update((byte) 0x00);
        sha256.update(input);
        return sha256.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        return MerkleTree.node(MerkleRoot.sha256(), left, right);
    }

    /** The largest power of two strictly below n (n ≥ 2): where the tree of n leaves splits. */
    public static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
