package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The known vectors of the reference 8-leaf tree of RFC 6962 / RFC 9162, as published by transparency-dev/merkle:
 * leaf inputs and roots from testonly/constants.go (LeafInputs, RootHashes), inclusion and consistency proofs from
 * proof/verify_test.go (inclusionProofs, consistencyProofs; their leaf numbers there are 1-based). The same vectors
 * are in google/certificate-transparency's merkle_tree_test.
 */
class LogHashVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    static final List<byte[]> LEAF_INPUTS = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Roots of the trees of sizes 0 to 8. */
    static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theRootsOfTheReferenceTreeOfSizes0To8AreThePublishedOnes() {
        LogRoot log = new LogRoot(1024);
        assertThat(HEX.formatHex(log.root())).isEqualTo(HEX.formatHex(ROOTS.get(0)));
        for (int size = 1; size <= 8; size++) {
            log.appendInput(LEAF_INPUTS.get(size - 1));
            assertThat(HEX.formatHex(log.root())).as("size " + size).isEqualTo(HEX.formatHex(ROOTS.get(size)));
            assertThat(HEX.formatHex(new ReferenceLog(LEAF_INPUTS).root(size))).isEqualTo(HEX.formatHex(ROOTS.get(size)));
        }
    }

    @Test
    void thePublishedInclusionProofsLeadToThePublishedRoots() {
        // {leaf index (0-based), tree size, proof}
        assertIncluded(0, 1);
        assertIncluded(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertIncluded(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertIncluded(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertIncluded(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void thePublishedConsistencyProofsHoldAndTheirCorruptionsDoNot() {
        assertConsistent(1, 1);
        assertConsistent(1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistent(6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistent(2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistent(6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void theNaiveSubproofGivesThePublishedProofs() {
        ReferenceLog reference = new ReferenceLog(LEAF_INPUTS);
        assertThat(reference.consistency(6, 8)).extracting(HEX::formatHex).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(reference.path(5, 8)).extracting(HEX::formatHex).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void theEdgeCasesAreDecidedAsTheTransparencyDevVerifierDecidesThem() {
        byte[] some = ROOTS.get(3);
        byte[] other = ROOTS.get(4);
        assertThat(proof(0, 0).proves(some, other)).as("from the empty log, no hashes").isTrue();
        assertThat(proof(0, 5).proves(some, other)).isTrue();
        assertThat(proof(0, 5, ROOTS.get(0)).proves(some, other)).as("from the empty log with hashes").isFalse();
        assertThat(proof(3, 3).proves(some, some)).isTrue();
        assertThat(proof(3, 3).proves(some, other)).as("same size, other root").isFalse();
        assertThat(proof(3, 3, some).proves(some, some)).as("same size with hashes").isFalse();
        assertThat(proof(4, 3).proves(some, other)).as("to a smaller size").isFalse();
        assertThat(proof(1, 2).proves(ROOTS.get(1), ROOTS.get(2))).as("no hashes").isFalse();
    }

    private static void assertIncluded(int index, int size, String... proof) {
        byte[] leaf = LogHash.leaf(LEAF_INPUTS.get(index));
        InclusionProof inclusion = new InclusionProof(index, size, hex(proof));
        assertThat(inclusion.leadsTo(leaf, ROOTS.get(size))).as("leaf %d of %d", index, size).isTrue();
        assertThat(new InclusionProof(index, size, hex(proof)).leadsTo(leaf, ROOTS.get(size - 1 == 0 ? 2 : size - 1)))
                .isFalse();
        if (index + 1 < size) {
            assertThat(new InclusionProof(index + 1, size, hex(proof)).leadsTo(leaf, ROOTS.get(size))).isFalse();
        }
        for (int i = 0; i < proof.length; i++) {
            List<byte[]> changed = hex(proof);
            changed.get(i)[0] ^= 8;
            assertThat(new InclusionProof(index, size, changed).leadsTo(leaf, ROOTS.get(size))).isFalse();
        }
    }

    /** The proof holds, and the corruptions of transparency-dev's corruptConsistencyProof do not. */
    private static void assertConsistent(int from, int to, String... hashes) {
        byte[] root1 = ROOTS.get(from);
        byte[] root2 = ROOTS.get(to);
        List<byte[]> proof = hex(hashes);
        assertThat(new ConsistencyProof("o", from, to, proof).proves(root1, root2)).as("%d to %d", from, to).isTrue();
        if (proof.isEmpty()) {
            return;
        }
        List<ConsistencyProof> wrong = new ArrayList<>(List.of(
                new ConsistencyProof("o", from - 1, to, proof), new ConsistencyProof("o", from + 1, to, proof),
                new ConsistencyProof("o", from ^ 2, to, proof), new ConsistencyProof("o", from, to * 2L, proof),
                new ConsistencyProof("o", from, to / 2, proof), new ConsistencyProof("o", from, to, List.of()),
                new ConsistencyProof("o", from, to, append(proof, root1)),
                new ConsistencyProof("o", from, to, append(proof, root2)),
                new ConsistencyProof("o", from, to, prepend(root1, proof)),
                new ConsistencyProof("o", from, to, prepend(root2, proof)),
                new ConsistencyProof("o", from, to, prepend(proof.get(0), proof)),
                new ConsistencyProof("o", from, to, proof.subList(0, proof.size() - 1))));
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> changed = hex(hashes);
            changed.get(i)[0] ^= 16;
            wrong.add(new ConsistencyProof("o", from, to, changed));
        }
        for (ConsistencyProof corrupt : wrong) {
            assertThat(corrupt.proves(root1, root2)).as("%s", corrupt).isFalse();
        }
        assertThat(new ConsistencyProof("o", from, to, proof).proves(root2, root1)).as("swapped roots").isFalse();
        assertThat(new ConsistencyProof("o", from, to, proof).proves(ROOTS.get(0), root2)).as("wrong root").isFalse();
    }

    private static ConsistencyProof proof(long from, long to, byte[]... hashes) {
        return new ConsistencyProof("o", from, to, List.of(hashes));
    }

    private static List<byte[]> append(List<byte[]> proof, byte[] hash) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(hash);
        return longer;
    }

    private static List<byte[]> prepend(byte[] hash, List<byte[]> proof) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(0, hash);
        return longer;
    }

    static List<byte[]> hex(String... values) {
        List<byte[]> bytes = new ArrayList<>();
        for (String value : values) {
            bytes.add(HEX.parseHex(value));
        }
        return bytes;
    }
}
