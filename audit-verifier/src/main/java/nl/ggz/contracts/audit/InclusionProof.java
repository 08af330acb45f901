package nl.ggz.contracts.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * That one leaf is in a {@link MerkleRoot}: the leaf's index among {@code treeSize} leaves and its RFC 6962 audit path
 * (the sibling hashes from the leaf up to the root, bottom first). Checked as RFC 9162 §2.1.3.2 says: a head with any
 * field changed, claimed at another index, or with any hash of the path changed leads to another root. The tree size
 * only shapes the walk and is not bound by it (leaf 0 of 3 and of 4 leaves has paths of one shape); what a path that
 * reaches the signed root proves is that this leaf is in that tree, which is all a bundle needs.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> path) {

    public InclusionProof {
        path = List.copyOf(path);
    }

    /** Whether the path leads from this leaf hash to the root. */
    public boolean leadsTo(byte[] leaf, byte[] root) {
        byte[] computed = rootFrom(leaf);
        return computed != null && Arrays.equals(computed, root);
    }

    /** The root the path leads to from this leaf hash; null when the path cannot belong to the index and size. */
    public byte[] rootFrom(byte[] leaf) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return null;
        }
        MessageDigest sha256 = MerkleRoot.sha256();
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.node(sha256, p, r);
                // a right-most node without a sibling on these levels was promoted unchanged: climb past them
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleTree.node(sha256, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 ? r : null;
    }
}
