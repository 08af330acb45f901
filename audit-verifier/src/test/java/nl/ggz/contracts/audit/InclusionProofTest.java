package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inclusion proofs of stream heads in the checkpoint's tree, checked against RFC 6962 written out recursively here
 * (MTH and PATH of §2.1), independently of the level-by-level code.
 */
class InclusionProofTest {

    @Test
    void everyLeafOfTreesOfOneToSeventeenLeavesIsProvedInTheRoot() throws Exception {
        for (int size = 1; size <= 17; size++) {
            List<StreamHead> heads = heads(size);
            MerkleTree tree = MerkleTree.of(heads);
            assertThat(tree.root()).as("size %d", size).isEqualTo(MerkleRoot.of(heads)).isEqualTo(rfc6962Root(heads));
            for (int index = 0; index < size; index++) {
                InclusionProof proof = tree.proof(index);
                assertThat(proof.leafIndex()).isEqualTo(index);
                assertThat(proof.treeSize()).isEqualTo(size);
                assertThat(proof.path()).as("size %d leaf %d", size, index)
                        .usingElementComparator(Arrays::compare).isEqualTo(rfc6962Path(index, leaves(heads)));
                assertThat(proof.leadsTo(MerkleRoot.leaf(heads.get(index)), tree.root()))
                        .as("size %d leaf %d", size, index).isTrue();
            }
        }
    }

    @Test
    void aWrongHeadOrIndexOrPathDoesNotLeadToTheRoot() {
        for (int size = 2; size <= 17; size++) {
            List<StreamHead> heads = heads(size);
            MerkleTree tree = MerkleTree.of(heads);
            byte[] root = tree.root();
            for (int index = 0; index < size; index++) {
                InclusionProof proof = tree.proof(index);
                StreamHead head = heads.get(index);
                String where = "size " + size + " leaf " + index;
                byte[] otherHash = head.hash().clone();
                otherHash[31] ^= 1;
                assertThat(proof.leadsTo(MerkleRoot.leaf(new StreamHead(head.aggregateId(), head.sequence(),
                        otherHash)), root)).as(where + ": another hash").isFalse();
                assertThat(proof.leadsTo(MerkleRoot.leaf(new StreamHead(head.aggregateId(), head.sequence() + 1,
                        head.hash())), root)).as(where + ": another sequence").isFalse();
                byte[] leaf = MerkleRoot.leaf(head);
                for (int other = 0; other < size; other++) {
                    if (other != index) {
                        assertThat(new InclusionProof(other, size, proof.path()).leadsTo(leaf, root))
                                .as(where + ": claimed at index " + other).isFalse();
                    }
                }
                assertThat(new InclusionProof(index, index, proof.path()).leadsTo(leaf, root))
                        .as(where + ": index beyond the tree").isFalse();
                List<byte[]> changed = new ArrayList<>(proof.path());
                byte[] first = changed.get(0).clone();
                first[0] ^= 1;
                changed.set(0, first);
                assertThat(new InclusionProof(index, size, changed).leadsTo(leaf, root)).as(where + ": path changed")
                        .isFalse();
                assertThat(new InclusionProof(index, size, proof.path().subList(1, proof.path().size()))
                        .leadsTo(leaf, root)).as(where + ": path too short").isFalse();
                List<byte[]> longer = new ArrayList<>(proof.path());
                longer.add(root);
                assertThat(new InclusionProof(index, size, longer).leadsTo(leaf, root)).as(where + ": path too long")
                        .isFalse();
            }
        }
    }

    @Test
    void theOnlyLeafOfATreeIsItsRootWithAnEmptyPath() {
        List<StreamHead> heads = heads(1);
        InclusionProof proof = MerkleTree.of(heads).proof(0);
        assertThat(proof.path()).isEmpty();
        assertThat(proof.leadsTo(MerkleRoot.leaf(heads.get(0)), MerkleRoot.of(heads))).isTrue();
    }

    @Test
    void aStreamIsFoundAtItsPlaceInTheSortedLeavesAndAStreamWithoutAHashIsNoLeaf() {
        List<StreamHead> heads = new ArrayList<>(heads(5));
        heads.add(new StreamHead("old", 3, null));
        java.util.Collections.reverse(heads);
        MerkleTree tree = MerkleTree.of(heads);
        assertThat(tree.size()).isEqualTo(5);
        assertThat(tree.indexOf("s03")).isEqualTo(3);
        assertThat(tree.leaf(3)).isEqualTo(MerkleRoot.leaf(heads(5).get(3)));
        assertThat(tree.indexOf("old")).isEqualTo(-1);
        assertThat(tree.indexOf("s99")).isEqualTo(-1);
    }

    /** Streams s00, s01, … in leaf order, each with a head of its own. */
    private static List<StreamHead> heads(int count) {
        List<StreamHead> heads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] hash = new byte[EventHash.LENGTH];
            Arrays.fill(hash, (byte) (i + 1));
            heads.add(new StreamHead(String.format("s%02d", i), i, hash));
        }
        return heads;
    }

    private static List<byte[]> leaves(List<StreamHead> heads) {
        return heads.stream().map(MerkleRoot::leaf).toList();
    }

    private static byte[] rfc6962Root(List<StreamHead> heads) throws Exception {
        return mth(leaves(heads));
    }

    /** MTH(D[n]) of RFC 6962 §2.1 over leaf hashes. */
    private static byte[] mth(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        return node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]) of RFC 6962 §2.1.1. */
    private static List<byte[]> rfc6962Path(int m, List<byte[]> leaves) throws Exception {
        List<byte[]> path = new ArrayList<>();
        if (leaves.size() == 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(leaves.size());
        if (m < k) {
            path.addAll(rfc6962Path(m, leaves.subList(0, k)));
            path.add(mth(leaves.subList(k, leaves.size())));
        } else {
            path.addAll(rfc6962Path(m - k, leaves.subList(k, leaves.size())));
            path.add(mth(leaves.subList(0, k)));
        }
        return path;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }
}
