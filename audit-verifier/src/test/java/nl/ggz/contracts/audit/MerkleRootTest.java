package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The root over stream heads, against the definition worked out by hand. */
class MerkleRootTest {

    private static final StreamHead A = head("A", 3, 0x0a);
    private static final StreamHead B = head("B", 2, 0x0b);
    private static final StreamHead C = head("C", 0, 0x0c);

    @Test
    void aLeafIsTheHashOfTheLengthPrefixedIdTheSequenceAndTheHead() throws Exception {
        byte[] expected = sha256(new byte[]{0x00}, new byte[]{0, 0, 0, 1}, "A".getBytes(StandardCharsets.UTF_8),
                ByteBuffer.allocate(8).putLong(3).array(), filled(0x0a));
        assertThat(MerkleRoot.leaf(A)).isEqualTo(expected);
    }

    @Test
    void threeLeavesArePairedAndTheOddOneIsPromoted() throws Exception {
        byte[] ab = sha256(new byte[]{0x01}, MerkleRoot.leaf(A), MerkleRoot.leaf(B));
        byte[] expected = sha256(new byte[]{0x01}, ab, MerkleRoot.leaf(C));
        assertThat(MerkleRoot.of(List.of(A, B, C))).isEqualTo(expected);
        // the same value written out (and computed with Python's hashlib), so that the definition cannot drift
        assertThat(HexFormat.of().formatHex(MerkleRoot.of(List.of(A, B, C))))
                .isEqualTo("f684e983e11968b07b90366adea4e75a4a8fa7625642ab0a8b371ce4b3be9748");
    }

    @Test
    void theLeavesAreSortedByTheBytesOfTheAggregateIdWhateverTheOrderGiven() {
        assertThat(MerkleRoot.of(List.of(C, A, B))).isEqualTo(MerkleRoot.of(List.of(A, B, C)));
        // UTF-8 byte order: "é" (0xC3 0xA9) sorts after "z", and upper case before lower case
        StreamHead accented = head("é", 0, 1);
        StreamHead z = head("z", 0, 2);
        StreamHead upper = head("Z", 0, 3);
        assertThat(MerkleRoot.of(List.of(accented, z, upper))).isEqualTo(MerkleRoot.of(List.of(upper, z, accented)));
    }

    @Test
    void oneLeafIsItsOwnRootAndNoLeavesHashNothing() throws Exception {
        assertThat(MerkleRoot.of(List.of(A))).isEqualTo(MerkleRoot.leaf(A));
        assertThat(MerkleRoot.of(List.of())).isEqualTo(sha256());
    }

    @Test
    void streamsWithoutAHashAreNoLeaves() {
        assertThat(MerkleRoot.of(List.of(A, new StreamHead("old", 7, null), B))).isEqualTo(MerkleRoot.of(List.of(A, B)));
    }

    @Test
    void anyChangeOfAHeadChangesTheRoot() {
        byte[] root = MerkleRoot.of(List.of(A, B, C));
        assertThat(MerkleRoot.of(List.of(A, head("B", 1, 0x0b), C))).isNotEqualTo(root);
        assertThat(MerkleRoot.of(List.of(A, head("B", 2, 0x0d), C))).isNotEqualTo(root);
        assertThat(MerkleRoot.of(List.of(A, head("b", 2, 0x0b), C))).isNotEqualTo(root);
        assertThat(MerkleRoot.of(List.of(A, C))).isNotEqualTo(root);
    }

    @Test
    void twoHeadsOfOneStreamAreRefused() {
        assertThatThrownBy(() -> MerkleRoot.of(List.of(A, head("A", 4, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two heads for stream A");
    }

    private static StreamHead head(String aggregateId, long sequence, int fill) {
        return new StreamHead(aggregateId, sequence, filled(fill));
    }

    private static byte[] filled(int value) {
        byte[] hash = new byte[EventHash.LENGTH];
        Arrays.fill(hash, (byte) value);
        return hash;
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }
}
