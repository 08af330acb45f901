package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Ed25519 over the checkpoint's signed text: a round trip, and a changed checkpoint or another key refused. */
class CheckpointSignatureTest {

    private static final KeyPair KEY = newKey();

    private final Checkpoint checkpoint = signed(new Checkpoint(12, Instant.parse("2027-03-01T09:15:00.123Z"), 431,
            431, 9, root(), null, null), KEY);

    @Test
    void theSignedTextIsTheDocumentedCanonicalText() {
        assertThat(new String(checkpoint.signedText(), StandardCharsets.UTF_8)).isEqualTo("""
                ggz-audit-checkpoint/1
                431
                431
                9
                0101010101010101010101010101010101010101010101010101010101010101
                2027-03-01T09:15:00.123Z
                """);
    }

    @Test
    void aCheckpointSignedWithTheKeyVerifiesWithItsPublicKey() {
        assertThat(CheckpointSignature.verify(checkpoint, KEY.getPublic())).isTrue();
        assertThat(checkpoint.keyId()).matches("[0-9a-f]{16}");
    }

    @Test
    void thePublicKeySurvivesItsPemForm() {
        String pem = CheckpointSignature.publicKeyPem(KEY.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(CheckpointSignature.verify(checkpoint, CheckpointSignature.publicKey(pem))).isTrue();
        assertThat(CheckpointSignature.keyId(CheckpointSignature.publicKey(pem))).isEqualTo(checkpoint.keyId());
    }

    @Test
    void aCheckpointChangedAfterSigningIsRefused() {
        Checkpoint moreEvents = new Checkpoint(checkpoint.id(), checkpoint.createdAt(), checkpoint.upToPosition(),
                checkpoint.events() + 1, checkpoint.streams(), checkpoint.merkleRoot(), checkpoint.keyId(),
                checkpoint.signature());
        byte[] otherRoot = root();
        otherRoot[31] = 2;
        Checkpoint otherRootSameSignature = new Checkpoint(checkpoint.id(), checkpoint.createdAt(),
                checkpoint.upToPosition(), checkpoint.events(), checkpoint.streams(), otherRoot, checkpoint.keyId(),
                checkpoint.signature());
        Checkpoint later = new Checkpoint(checkpoint.id(), checkpoint.createdAt().plusMillis(1),
                checkpoint.upToPosition(), checkpoint.events(), checkpoint.streams(), checkpoint.merkleRoot(),
                checkpoint.keyId(), checkpoint.signature());
        assertThat(CheckpointSignature.verify(moreEvents, KEY.getPublic())).isFalse();
        assertThat(CheckpointSignature.verify(otherRootSameSignature, KEY.getPublic())).isFalse();
        assertThat(CheckpointSignature.verify(later, KEY.getPublic())).isFalse();
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() {
        KeyPair other = newKey();
        assertThat(CheckpointSignature.verify(signed(checkpoint, other), KEY.getPublic())).isFalse();
        assertThat(CheckpointSignature.keyId(other.getPublic())).isNotEqualTo(checkpoint.keyId());
    }

    @Test
    void aMangledSignatureIsRefusedNotThrown() {
        byte[] shortSignature = Arrays.copyOf(checkpoint.signature(), 10);
        assertThat(CheckpointSignature.verify(checkpoint.signedAs(checkpoint.keyId(), shortSignature),
                KEY.getPublic())).isFalse();
    }

    static Checkpoint signed(Checkpoint checkpoint, KeyPair key) {
        return checkpoint.signedAs(CheckpointSignature.keyId(key.getPublic()),
                CheckpointSignature.sign(checkpoint, key.getPrivate()));
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] root() {
        byte[] root = new byte[32];
        Arrays.fill(root, (byte) 1);
        return root;
    }
}
