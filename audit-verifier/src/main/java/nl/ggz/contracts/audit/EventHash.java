package nl.ggz.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The hash that chains an event to the one before it in its stream (its aggregate):
 * <pre>
 * hash = SHA-256( previousHash
 *               ‖ field(aggregateType) ‖ field(aggregateId) ‖ field(sequenceNumber as decimal)
 *               ‖ field(eventId) ‖ field(eventType) ‖ field(revision, empty if none)
 *               ‖ field(timestamp, exactly as stored) ‖ field(canonical payload) ‖ field(canonical metadata) )
 * field(x) = 4-byte big-endian length of x ‖ x          (text as UTF-8; JSON as {@link CanonicalJson})
 * </pre>
 * {@code previousHash} is 32 zero bytes for the first event of a stream. The global position is not hashed: the
 * database assigns it after the hash is computed, so order across streams is checked by position instead. The length
 * prefixes make the encoding unambiguous (no two different events give the same bytes).
 * <p>
 * Not thread-safe: one instance per batch or per verification.
 */
public final class EventHash {

    public static final int LENGTH = 32;

    private final MessageDigest sha256;

    public EventHash() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The previous hash of a stream's first event. */
    public static byte[] none() {
        return new byte[LENGTH];
    }

    public static boolean isNone(byte[] hash) {
        return Arrays.equals(hash, new byte[LENGTH]);
    }

    public byte[] of(byte[] previousHash, String aggregateType, String aggregateId, long sequenceNumber,
                     String eventId, String eventType, String revision, String timestamp,
                     byte[] canonicalPayload, byte[] canonicalMetadata) {
        if (previousHash == null || previousHash.length != LENGTH) {
            throw new IllegalArgumentException("a previous hash is " + LENGTH + " bytes");
        }
        sha256.reset();
        sha256.update(previousHash);
        field(aggregateType);
        field(aggregateId);
        field(Long.toString(sequenceNumber));
        field(eventId);
        field(eventType);
        field(revision);
        field(timestamp);
        field(canonicalPayload);
        field(canonicalMetadata);
        return sha256.digest();
    }

    private void field(String text) {
        field(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8));
    }

    private void field(byte[] bytes) {
        int length = bytes.length;
        sha256.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        sha256.update(bytes);
    }
}
