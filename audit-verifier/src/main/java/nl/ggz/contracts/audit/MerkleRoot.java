package nl.ggz.contracts.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;

/**
 * One hash over the heads of all chains at a position, so that a checkpoint signs the whole history up to it: since
 * each head's hash covers every event before it in its stream, changing, removing or adding any event of any stream
 * (and recomputing the hashes after it) changes this root.
 * <pre>
 * leaf(head) = SHA-256( 0x00 ‖ 4-byte big-endian length of aggregateId ‖ aggregateId as UTF-8
 *                      ‖ sequence as 8-byte big-endian ‖ hash (32 bytes) )
 * node(l, r) = SHA-256( 0x01 ‖ l ‖ r )
 * </pre>
 * The leaves are sorted by aggregate id (unsigned byte order of its UTF-8), then paired level by level: 0 with 1, 2
 * with 3, …; an odd last node is promoted to the next level unchanged. The root of no leaves is SHA-256 of nothing,
 * of one leaf that leaf. The 0x00 / 0x01 prefixes keep a leaf from passing for a node (as in RFC 6962), and the
 * tree is RFC 6962's ({@link MerkleTree}), so a head can be proved in it by an {@link InclusionProof}. Only chained
 * heads are leaves: a stream stored entirely before the chain existed has no hash to sign.
 */
public final class MerkleRoot {

    private static final byte LEAF = 0x00;

    private MerkleRoot() {
    }

    /** The root over the given heads; those without a hash are left out. Two heads of one stream are refused. */
    public static byte[] of(Collection<StreamHead> heads) {
        return MerkleTree.of(heads).root();
    }

    /** The leaf of one stream head. */
    public static byte[] leaf(StreamHead head) {
        return leaf(sha256(), head.aggregateId().getBytes(StandardCharsets.UTF_8), head.sequence(), head.hash());
    }

    static byte[] leaf(MessageDigest sha256, byte[] aggregateId, long sequence, byte[] hash) {
        if (hash.length != EventHash.LENGTH) {
            throw new IllegalArgumentException("a head's hash is " + EventHash.LENGTH + " bytes");
        }
        sha256.update(LEAF);
        sha256.update(ByteBuffer.allocate(4).putInt(aggregateId.length).array());
        sha256.update(aggregateId);
        sha256.update(ByteBuffer.allocate(8).putLong(sequence).array());
        sha256.update(hash);
        return sha256.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
