package nl.ggz.contracts.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The whole tree of a {@link MerkleRoot}, kept level by level so that an {@link InclusionProof} can be read off it
 * for any leaf: the application builds it once over every stream head of a checkpoint and proves the heads of the
 * streams a bundle holds. Building level by level (pairs 0–1, 2–3, …, an odd last node promoted) gives exactly the
 * tree of RFC 6962 §2.1 (the left subtree of every node holds the largest power of two of leaves below it), so its
 * audit paths are RFC 6962 audit paths.
 * <p>
 * Memory: two hashes per leaf, i.e. per stream of the installation.
 */
public final class MerkleTree {

    static final byte NODE = 0x01;

    /** Leaf ids (UTF-8 of the aggregate id) in leaf order: unsigned byte order. */
    private final List<byte[]> ids;
    /** levels.get(0) are the leaves, the last level holds the root alone (none when there are no leaves). */
    private final List<List<byte[]>> levels;

    private MerkleTree(List<byte[]> ids, List<List<byte[]>> levels) {
        this.ids = ids;
        this.levels = levels;
    }

    /** The tree over the given heads; those without a hash are no leaves. Two heads of one stream are refused. */
    public static MerkleTree of(Collection<StreamHead> heads) {
        MessageDigest sha256 = MerkleRoot.sha256();
        List<Leaf> leaves = new ArrayList<>(heads.size());
        for (StreamHead head : heads) {
            if (head.chained()) {
                byte[] id = head.aggregateId().getBytes(StandardCharsets.UTF_8);
                leaves.add(new Leaf(id, MerkleRoot.leaf(sha256, id, head.sequence(), head.hash())));
            }
        }
        leaves.sort(Comparator.comparing(Leaf::id, Arrays::compareUnsigned));
        List<byte[]> ids = new ArrayList<>(leaves.size());
        List<byte[]> level = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            if (i > 0 && Arrays.equals(leaves.get(i - 1).id(), leaves.get(i).id())) {
                throw new IllegalArgumentException("two heads for stream "
                        + new String(leaves.get(i).id(), StandardCharsets.UTF_8));
            }
            ids.add(leaves.get(i).id());
            level.add(leaves.get(i).hash());
        }
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(node(sha256, level.get(i), level.get(i + 1)));
            }
            if (level.size() % 2 == 1) {
                up.add(level.get(level.size() - 1));
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(ids, levels);
    }

    /** The number of leaves: the chained streams. */
    public int size() {
        return ids.size();
    }

    /** The root; of no leaves SHA-256 of nothing. */
    public byte[] root() {
        List<byte[]> top = levels.get(levels.size() - 1);
        return top.isEmpty() ? MerkleRoot.sha256().digest() : top.get(0).clone();
    }

    /** The leaf index of a stream, or -1 when it is no leaf (not in the tree, or not chained). */
    public int indexOf(String aggregateId) {
        byte[] id = aggregateId.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = ids.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(ids.get(middle), id);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /** The leaf hash at an index. */
    public byte[] leaf(int index) {
        return levels.get(0).get(index).clone();
    }

    /**
     * The RFC 6962 audit path of a leaf, from the bottom up: at each level the sibling of the node on the way to the
     * root, none where the node is an odd last one that is promoted.
     */
    public InclusionProof proof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int node = index;
        for (List<byte[]> level : levels.subList(0, levels.size() - 1)) {
            int sibling = node ^ 1;
            if (sibling < level.size()) {
                path.add(level.get(sibling).clone());
            }
            node >>>= 1;
        }
        return new InclusionProof(index, size(), path);
    }

    static byte[] node(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private record Leaf(byte[] id, byte[] hash) {
    }
}
