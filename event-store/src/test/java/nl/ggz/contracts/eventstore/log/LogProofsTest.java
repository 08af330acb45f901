package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.audit.ConsistencyProof;
import nl.ggz.contracts.audit.InclusionProof;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18: the log's roots and proofs are RFC 9162 §2.1's, checked against the Certificate Transparency reference
 * vectors (the classic 8-leaf tree of RFC 6962's test suite, as in transparency-dev/merkle's testdata) and, for every
 * tree size up to a few hundred, against a naive recursive MTH and the RFC's own verification algorithms written
 * out here apart from the code under test.
 */
class LogProofsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    private static final String[] CT_ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void rootsOfTheReferenceTreeOfZeroToEightLeavesAreTheCertificateTransparencyOnes() {
        List<byte[]> leaves = referenceLeaves();
        for (int n = 0; n <= 8; n++) {
            assertThat(HEX.formatHex(new LogProofs(new MemorySource(leaves)).root(n))).as("size " + n)
                    .isEqualTo(CT_ROOTS[n]);
            assertThat(HEX.formatHex(naiveRoot(leaves.subList(0, n)))).isEqualTo(CT_ROOTS[n]);
            Frontier frontier = Frontier.empty();
            leaves.subList(0, n).forEach(frontier::append);
            assertThat(HEX.formatHex(frontier.root())).isEqualTo(CT_ROOTS[n]);
        }
    }

    @Test
    void inclusionProofsOfTheReferenceTreeAreTheCertificateTransparencyOnes() {
        LogProofs proofs = new LogProofs(new MemorySource(referenceLeaves()));
        assertThat(hex(proofs.inclusion(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(proofs.inclusion(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(proofs.inclusion(0, 1)).isEmpty();
    }

    @Test
    void consistencyProofsOfTheReferenceTreeAreTheCertificateTransparencyOnes() {
        LogProofs proofs = new LogProofs(new MemorySource(referenceLeaves()));
        assertThat(hex(proofs.consistency(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(proofs.consistency(2, 8))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(proofs.consistency(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(proofs.consistency(8, 8)).isEmpty();
    }

    @Test
    void everyLeafOfEveryTreeUpToTwoHundredFiftySixLeavesHasAnInclusionProofThatLeadsToItsRoot() {
        List<byte[]> leaves = leaves(256);
        MemorySource source = new MemorySource(leaves);
        LogProofs proofs = new LogProofs(source);
        int checked = 0;
        for (int n = 1; n <= 256; n++) {
            byte[] root = naiveRoot(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> path = proofs.inclusion(i, n);
                assertThat(verifyInclusion(i, n, leaves.get(i), path, root)).as(i + " in " + n).isTrue();
                checked++;
            }
            // a proof for another leaf's hash does not hold
            if (n > 1) {
                assertThat(verifyInclusion(0, n, leaves.get(1), proofs.inclusion(0, n), root)).isFalse();
            }
        }
        assertThat(checked).isEqualTo(256 * 257 / 2);
    }

    @Test
    void everyPairOfSizesUpToThreeHundredHasAConsistencyProofThatRecomputesBothRoots() {
        int max = 300;
        List<byte[]> leaves = leaves(max);
        LogProofs proofs = new LogProofs(new MemorySource(leaves));
        byte[][] roots = new byte[max + 1][];
        for (int n = 1; n <= max; n++) {
            roots[n] = naiveRoot(leaves.subList(0, n));
        }
        int checked = 0;
        for (int n = 1; n <= max; n++) {
            assertThat(proofs.root(n)).isEqualTo(roots[n]);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = proofs.consistency(m, n);
                assertThat(verifyConsistency(m, n, roots[m], roots[n], proof)).as(m + " to " + n).isTrue();
                if (m < n) {
                    // a rewritten earlier tree is not extended by the later one
                    byte[] other = roots[m].clone();
                    other[0] ^= 1;
                    assertThat(verifyConsistency(m, n, other, roots[n], proof)).isFalse();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(max * (max + 1) / 2);
    }

    @Test
    void theFrontierCompletesExactlyTheAlignedSubtreesAndItsRootIsTheLogsAtEverySize() {
        List<byte[]> leaves = leaves(200);
        MemorySource source = new MemorySource(leaves);
        Frontier frontier = Frontier.empty();
        for (int n = 0; n < 200; n++) {
            for (Frontier.Node node : frontier.append(leaves.get(n))) {
                assertThat(node.hash()).isEqualTo(source.subtree(node.level(), node.index()));
                assertThat((node.index() + 1) << node.level()).isEqualTo(n + 1);
            }
            assertThat(frontier.root()).isEqualTo(naiveRoot(leaves.subList(0, n + 1)));
            Frontier reloaded = Frontier.of(n + 1, source);
            assertThat(reloaded.root()).isEqualTo(frontier.root());
        }
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        LogProofs proofs = new LogProofs(new MemorySource(referenceLeaves()));
        assertThatThrownBy(() -> proofs.inclusion(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistency(5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proofs.consistency(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- independent of the code under test: RFC 9162 §2.1.1 MTH and the verifiers of §2.1.3.2 and §2.1.4.2 ---

    static byte[] naiveRoot(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return LogHashes.empty();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return LogHashes.node(naiveRoot(leafHashes.subList(0, k)), naiveRoot(leafHashes.subList(k, n)));
    }

    /** The regulator's verifier (audit-verifier) checks the server's proofs: two implementations, one answer. */
    static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        return new InclusionProof(index, size, path).leadsTo(leafHash, root);
    }

    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                     List<byte[]> proof) {
        return new ConsistencyProof("test", first, second, proof).proves(firstRoot, secondRoot);
    }

    private static List<byte[]> referenceLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String leaf : CT_LEAVES) {
            leaves.add(LogHashes.leaf(HEX.parseHex(leaf)));
        }
        return leaves;
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(LogHashes.leaf(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    /** Subtrees computed naively from the leaves in memory, remembered. */
    static final class MemorySource implements SubtreeSource {
        private final List<byte[]> leaves;
        private final Map<String, byte[]> known = new HashMap<>();

        MemorySource(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        @Override
        public byte[] subtree(int level, long index) {
            long start = index << level;
            long end = start + (1L << level);
            assertThat(end).as("a subtree inside the log").isLessThanOrEqualTo(leaves.size());
            return known.computeIfAbsent(level + "/" + index,
                    key -> naiveRoot(leaves.subList((int) start, (int) end)));
        }
    }
}
