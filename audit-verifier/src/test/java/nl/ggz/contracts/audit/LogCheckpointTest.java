package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The C2SP signed-note checkpoint: the published Ed25519 example, the key-hash rule, and a round trip. */
class LogCheckpointTest {

    static final KeyPair KEY = newKey();
    static final String ORIGIN = "ggz-contracts/log";

    /**
     * The example of golang.org/x/mod/sumdb/note (note.go, "Here is a well-formed signed note"), which C2SP
     * signed-note took over: the verifier key PeterNeumann+c74f20a3+ARpc2QcU…, the signer key
     * PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALV…, and the note they give. Ed25519 is deterministic (RFC 8032), so
     * signing the text with that seed must give the published note byte for byte.
     */
    private static final String GO_VERIFIER = "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_SIGNER = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void thePublishedSignedNoteExampleIsReproducedWithItsKeyHash() throws GeneralSecurityException {
        byte[] verifier = Base64.getDecoder().decode(GO_VERIFIER);
        byte[] signer = Base64.getDecoder().decode(GO_SIGNER);
        assertThat(verifier[0]).as("algorithm byte: Ed25519").isEqualTo((byte) 1);
        PublicKey publicKey = LogCheckpoint.publicKey(Arrays.copyOfRange(verifier, 1, 33));
        PrivateKey privateKey = privateKey(Arrays.copyOfRange(signer, 1, 33));

        assertThat(HexFormat.of().formatHex(LogCheckpoint.keyHash("PeterNeumann", publicKey))).isEqualTo("c74f20a3");
        assertThat(LogCheckpoint.sign(GO_TEXT, "PeterNeumann", privateKey, publicKey)).isEqualTo(GO_NOTE);
    }

    @Test
    void aCheckpointSignedWithTheKeyVerifiesUnderItsOrigin() {
        String note = signed(ORIGIN, 12, LogHashVectorsTest.ROOTS.get(8));
        LogCheckpoint checkpoint = LogCheckpoint.parse(note);
        assertThat(checkpoint.origin()).isEqualTo(ORIGIN);
        assertThat(checkpoint.treeSize()).isEqualTo(12);
        assertThat(checkpoint.rootHash()).isEqualTo(LogHashVectorsTest.ROOTS.get(8));
        assertThat(checkpoint.signedBy(ORIGIN, KEY.getPublic())).isTrue();
        assertThat(checkpoint.text()).isEqualTo(note);
        assertThat(note).startsWith(ORIGIN + "\n12\n" + Base64.getEncoder().encodeToString(LogHashVectorsTest.ROOTS.get(8))
                + "\n\n\u2014 " + ORIGIN + " ");
    }

    @Test
    void aChangedCheckpointOrAnotherKeyIsRefused() {
        String note = signed(ORIGIN, 12, LogHashVectorsTest.ROOTS.get(8));
        assertThat(LogCheckpoint.parse(note.replaceFirst("\n12\n", "\n13\n")).signedBy(ORIGIN, KEY.getPublic())).isFalse();
        String otherRoot = Base64.getEncoder().encodeToString(LogHashVectorsTest.ROOTS.get(7));
        assertThat(LogCheckpoint.parse(note.replace(Base64.getEncoder().encodeToString(LogHashVectorsTest.ROOTS.get(8)),
                otherRoot)).signedBy(ORIGIN, KEY.getPublic())).isFalse();
        assertThat(LogCheckpoint.parse(note).signedBy(ORIGIN, newKey().getPublic())).isFalse();
        assertThat(LogCheckpoint.parse(note).signedBy("another/origin", KEY.getPublic())).isFalse();
    }

    @Test
    void aCosignatureOfAnUnknownKeyIsPassedOver() {
        String note = signed(ORIGIN, 3, LogHashVectorsTest.ROOTS.get(3));
        KeyPair witness = newKey();
        String cosigned = note + "\u2014 nza.example/witness " + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(4 + 72).put(LogCheckpoint.keyHash("nza.example/witness", witness.getPublic()))
                        .put(new byte[72]).array()) + "\n";
        LogCheckpoint checkpoint = LogCheckpoint.parse(cosigned);
        assertThat(checkpoint.signatures()).hasSize(2);
        assertThat(checkpoint.signedBy(ORIGIN, KEY.getPublic())).isTrue();
        assertThat(checkpoint.text()).isEqualTo(cosigned);
    }

    @Test
    void aNoteThatIsNoCheckpointIsRefusedSayingWhy() {
        String note = signed(ORIGIN, 3, LogHashVectorsTest.ROOTS.get(3));
        assertThatThrownBy(() -> LogCheckpoint.parse(GO_NOTE)).hasMessageContaining("tree size");
        assertThatThrownBy(() -> LogCheckpoint.parse(note.substring(0, note.length() - 1))).hasMessageContaining("newline");
        assertThatThrownBy(() -> LogCheckpoint.parse(note.replaceFirst("\n3\n", "\n03\n"))).hasMessageContaining("tree size");
        assertThatThrownBy(() -> LogCheckpoint.parse(ORIGIN + "\n3\nAAAA\n\n\u2014 x AAAAAAAA\n"))
                .hasMessageContaining("32");
        assertThatThrownBy(() -> LogCheckpoint.parse(note.replace("\u2014 ", "- "))).hasMessageContaining("signature line");
    }

    static String signed(String origin, long size, byte[] root) {
        return LogCheckpoint.sign(LogCheckpoint.body(origin, size, root), origin, KEY.getPrivate(), KEY.getPublic());
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Ed25519 private key from its 32-byte seed (RFC 8410 PKCS#8). */
    private static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] encoded = ByteBuffer.allocate(prefix.length + 32).put(prefix).put(seed).array();
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
    }
}
