package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties over every pair of sizes m ≤ n up to {@link #MAX} leaves of a seeded random log (issue 18, "every pair
 * m ≤ n up to a few hundred leaves proves consistent"): the proofs of the naive RFC 9162 generator
 * ({@link ReferenceLog}) hold, and a proof with a hash changed, a wrong size or two hashes swapped does not.
 */
class LogProofPropertiesTest {

    private static final int MAX = 260;
    private static final ReferenceLog LOG = ReferenceLog.of(MAX, 18L);

    @Test
    void theStreamingRootIsTheRecursiveRootAtEverySize() {
        LogRoot streaming = new LogRoot(4);
        for (int n = 1; n <= MAX; n++) {
            streaming.appendLeafHash(LOG.leafHash(n - 1));
            assertThat(streaming.root()).as("size " + n).isEqualTo(LOG.root(n));
        }
        // the block roots are the roots of the aligned blocks of 4 leaves
        List<byte[]> blocks = streaming.blockRoots();
        assertThat(blocks).hasSize(MAX / 4);
        for (int b = 0; b < blocks.size(); b++) {
            assertThat(blocks.get(b)).isEqualTo(LOG.mth(b * 4, b * 4 + 4));
        }
    }

    @Test
    void everyConsistencyProofOfEveryPairOfSizesHolds() {
        long pairs = 0;
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                ConsistencyProof proof = new ConsistencyProof("o", m, n, LOG.consistency(m, n));
                assertThat(proof.proves(LOG.root(m), LOG.root(n))).as("%d to %d", m, n).isTrue();
                pairs++;
            }
        }
        assertThat(pairs).isEqualTo((long) MAX * (MAX + 1) / 2);
    }

    @Test
    void aConsistencyProofWithAChangedHashAWrongSizeOrSwappedHashesFails() {
        Random random = new Random(9162);
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                List<byte[]> hashes = LOG.consistency(m, n);
                byte[] root1 = LOG.root(m);
                byte[] root2 = LOG.root(n);

                List<byte[]> changed = copy(hashes);
                int at = random.nextInt(changed.size());
                changed.get(at)[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                assertThat(new ConsistencyProof("o", m, n, changed).proves(root1, root2))
                        .as("%d to %d, hash %d changed", m, n, at).isFalse();

                // the to-size only shapes the walk (as for an inclusion proof, RFC 9162 §2.1.3.2): 1 to 3 and 1 to 4
                // have paths of one shape, and no signed head of 4 leaves can have the root of 3 (leaf and node
                // hashes are told apart by their prefix); the signed checkpoint binds it. A from-size one off, or a
                // to-size of another height, must fail.
                for (long[] sizes : new long[][]{{m - 1, n}, {m + 1, n}, {m, 2L * n}, {m, n / 2}}) {
                    if ((sizes[0] != m || sizes[1] != n) && sizes[0] >= 1) {
                        assertThat(new ConsistencyProof("o", sizes[0], sizes[1], hashes).proves(root1, root2))
                                .as("%d to %d claimed as %d to %d", m, n, sizes[0], sizes[1]).isFalse();
                    }
                }

                if (hashes.size() > 1) {
                    List<byte[]> swapped = copy(hashes);
                    int i = random.nextInt(swapped.size());
                    int j = (i + 1 + random.nextInt(swapped.size() - 1)) % swapped.size();
                    Collections.swap(swapped, i, j);
                    assertThat(new ConsistencyProof("o", m, n, swapped).proves(root1, root2))
                            .as("%d to %d, hashes %d and %d swapped", m, n, i, j).isFalse();
                }
                assertThat(new ConsistencyProof("o", m, n, hashes).proves(root2, root1)).isFalse();
            }
        }
    }

    @Test
    void everyInclusionProofOfEveryLeafHoldsAndNotForAnotherLeafOrSize() {
        for (int n = 1; n <= MAX; n += (n < 70 ? 1 : 7)) {
            for (int i = 0; i < n; i++) {
                List<byte[]> path = LOG.path(i, n);
                assertThat(new InclusionProof(i, n, path).leadsTo(LOG.leafHash(i), LOG.root(n)))
                        .as("leaf %d of %d", i, n).isTrue();
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(new InclusionProof(other, n, path).leadsTo(LOG.leafHash(i), LOG.root(n))).isFalse();
                    assertThat(new InclusionProof(i, n, path).leadsTo(LOG.leafHash(other), LOG.root(n))).isFalse();
                    List<byte[]> changed = copy(path);
                    changed.get(changed.size() - 1)[0] ^= 1;
                    assertThat(new InclusionProof(i, n, changed).leadsTo(LOG.leafHash(i), LOG.root(n))).isFalse();
                }
            }
        }
    }

    private static List<byte[]> copy(List<byte[]> hashes) {
        List<byte[]> copy = new ArrayList<>();
        hashes.forEach(h -> copy.add(Arrays.copyOf(h, h.length)));
        return copy;
    }
}
