package nl.ggz.contracts.eventstore.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: a leaf is SHA-256(0x00 ‖ input), an interior node SHA-256(0x01 ‖ left ‖
 * right), the empty tree SHA-256 of nothing. The prefixes keep a leaf from passing for a node (second preimages).
 */
public final class LogHashes {

    public static final int SIZE = 32;

    private LogHashes() {
    }

    public static byte[] leaf(byte[] input) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(input);
        return sha.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    public static byte[] empty() {
        return sha256().digest();
    }

    /** One digest per thread, reset by each digest(): the appender hashes millions of times in a back-fill. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    static MessageDigest sha256() {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }
}
