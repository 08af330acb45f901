package nl.ggz.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed statement of the whole event history up to a global position: how many events and streams it holds and
 * the {@link MerkleRoot} over the heads of its chains, signed with the installation's Ed25519 key
 * ({@link CheckpointSignature}). {@code id} is the number the installation gave it (not signed; 0 before it is
 * stored), {@code keyId} names the key ({@link CheckpointSignature#keyId}).
 * <p>
 * {@code events} counts every event at a position up to {@code upToPosition}, {@code streams} every stream that has
 * one; both include events stored before the hash chain existed, which the root cannot cover.
 */
public record Checkpoint(long id, Instant createdAt, long upToPosition, long events, long streams,
                         byte[] merkleRoot, String keyId, byte[] signature) {

    /** The first line of the signed text: names the format, so that a later one can never be read as this one. */
    public static final String FORMAT = "ggz-audit-checkpoint/1";

    /**
     * The exact bytes that are signed, UTF-8, lines ended by a single {@code \n} (the last one too):
     * <pre>
     * ggz-audit-checkpoint/1
     * {upToPosition}          decimal
     * {events}                decimal
     * {streams}               decimal
     * {merkleRoot}            64 lowercase hex digits
     * {createdAt}             ISO-8601 UTC as Java's Instant.toString() writes it, e.g. 2027-03-01T09:15:00.123Z
     * </pre>
     */
    public byte[] signedText() {
        return (FORMAT + "\n" + upToPosition + "\n" + events + "\n" + streams + "\n"
                + HexFormat.of().formatHex(merkleRoot) + "\n" + createdAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public Checkpoint withId(long newId) {
        return new Checkpoint(newId, createdAt, upToPosition, events, streams, merkleRoot, keyId, signature);
    }

    public Checkpoint signedAs(String signingKeyId, byte[] signatureBytes) {
        return new Checkpoint(id, createdAt, upToPosition, events, streams, merkleRoot, signingKeyId, signatureBytes);
    }
}
