package nl.ggz.contracts.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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
 * of one leaf that leaf. The 0x00 / 0x01 prefixes keep a leaf from passing for a node (as in RFC 6962). Only chained
 * heads are leaves: a stream stored entirely before the chain existed has no hash to sign.
 */
public final class MerkleRoot {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleRoot() {
    }

    /** The root over the given heads; those without a hash are left out. Two heads of one stream are refused. */
    public static byte[] of(Collection<StreamHead> heads) {
        MessageDigest sha256 = sha256();
        List<Leaf> leaves = new ArrayList<>(heads.size());
        for (StreamHead head : heads) {
            if (head.chained()) {
                byte[] id = head.aggregateId().getBytes(StandardCharsets.UTF_8);
                leaves.add(new Leaf(id, leaf(sha256, id, head.sequence(), head.hash())));
            }
        }
        leaves.sort(Comparator.comparing(Leaf::id, Arrays::compareUnsigned));
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            if (i > 0 && Arrays.equals(leaves.get(i - 1).id(), leaves.get(i).id())) {
                throw new IllegalArgumentException("two heads for stream "
                        + new String(leaves.get(i).id(), StandardCharsets.UTF_8));
            }
            level.add(leaves.get(i).hash());
        }
        if (level.isEmpty()) {
            return sha256.digest();
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                sha256.update(NODE);
                sha256.update(level.get(i));
                sha256.update(level.get(i + 1));
                up.add(sha256.digest());
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            level = up;
        }
        return level.get(0);
    }

    /** The leaf of one stream head. */
    public static byte[] leaf(StreamHead head) {
        return leaf(sha256(), head.aggregateId().getBytes(StandardCharsets.UTF_8), head.sequence(), head.hash());
    }

    private static byte[] leaf(MessageDigest sha256, byte[] aggregateId, long sequence, byte[] hash) {
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private record Leaf(byte[] id, byte[] hash) {
    }
}
