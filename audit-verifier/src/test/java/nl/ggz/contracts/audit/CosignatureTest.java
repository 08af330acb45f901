package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 18, witnesses: a C2SP tlog-cosignature (cosignature/v1, Ed25519) on the log's signed head — the witness's
 * line verifies over "cosignature/v1\ntime <t>\n" and the note body under the key ID SHA-256(name ‖ 0x0A ‖ 0x04 ‖
 * key)[:4], and says when; a line over another head, of another key or with another time does not.
 */
class CosignatureTest {

    static final KeyPair WITNESS = newKey();
    static final WitnessKey NZA = WitnessKey.of("nza.nl/witness", WITNESS.getPublic());
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30Z");

    @Test
    void aWitnessCosignatureOnTheHeadVerifiesAndSaysWhen() {
        String note = LogCheckpointTest.signed(LogCheckpointTest.ORIGIN, 50, new byte[32]);
        LogCheckpoint cosigned = LogCheckpoint.parse(note + Cosignature.line(LogCheckpoint.parse(note).body(), NZA,
                WITNESS.getPrivate(), AT));

        assertThat(Cosignature.on(cosigned, NZA)).contains(AT);
        // the log's own signature still verifies: a cosignature is one more line, passed over by the log's key
        assertThat(cosigned.signedBy(LogCheckpointTest.ORIGIN, LogCheckpointTest.KEY.getPublic())).isTrue();
        Verdict verdict = LogVerifier.cosigned(cosigned, List.of(NZA));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.report()).isEqualTo("COSIGNED OK by nza.nl/witness at 2026-12-04T10:15:30Z: "
                + LogCheckpointTest.ORIGIN + " at size 50, root 0000000000000000…");
    }

    @Test
    void aCosignatureOfAnotherHeadAnotherKeyOrAnotherTimeDoesNotHold() {
        String note = LogCheckpointTest.signed(LogCheckpointTest.ORIGIN, 50, new byte[32]);
        String otherBody = LogCheckpoint.body(LogCheckpointTest.ORIGIN, 51, new byte[32]);
        LogCheckpoint moved = LogCheckpoint.parse(note + Cosignature.line(otherBody, NZA, WITNESS.getPrivate(), AT));
        assertThat(Cosignature.on(moved, NZA)).isEmpty();
        assertThat(LogVerifier.cosigned(moved, List.of(NZA)).report()).isEqualTo("COSIGNATURE "
                + LogCheckpointTest.ORIGIN + " at size 50: the line of witness nza.nl/witness does not verify with its "
                + "key " + java.util.HexFormat.of().formatHex(NZA.keyId()) + " (changed, made over another head, or by "
                + "another key)");

        KeyPair impostor = newKey();
        WitnessKey sameName = WitnessKey.of("nza.nl/witness", impostor.getPublic());
        String body = LogCheckpoint.parse(note).body();
        assertThat(Cosignature.on(LogCheckpoint.parse(note + Cosignature.line(body, sameName, impostor.getPrivate(),
                AT)), NZA)).isEmpty();

        // the time is signed: moving it breaks the signature
        String line = Cosignature.line(body, NZA, WITNESS.getPrivate(), AT);
        byte[] blob = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
        blob[11] ^= 1;
        String shifted = "\u2014 nza.nl/witness " + Base64.getEncoder().encodeToString(blob) + "\n";
        assertThat(Cosignature.on(LogCheckpoint.parse(note + shifted), NZA)).isEmpty();

        assertThat(LogVerifier.cosigned(LogCheckpoint.parse(note), List.of(NZA)).report()).isEqualTo("COSIGNATURE "
                + LogCheckpointTest.ORIGIN + " at size 50: no cosignature of witness nza.nl/witness on this checkpoint"
                + " (ask for the checkpoint of a size it cosigned, GET /api/audit/log/checkpoint?size=)");
    }

    @Test
    void aWitnessKeyIsAVkeyOfTypeFourWhoseIdMatchesItsNameAndKey() {
        String vkey = NZA.vkey();
        assertThat(vkey).matches("nza\\.nl/witness\\+[0-9a-f]{8}\\+B.{43}");
        WitnessKey read = WitnessKey.parse(vkey + "\n");
        assertThat(read.name()).isEqualTo(NZA.name());
        assertThat(read.keyId()).isEqualTo(NZA.keyId());
        assertThat(read.key()).isEqualTo(NZA.key());
        assertThat(WitnessKey.parseAll("# the NZa\n\n" + vkey + "\n")).hasSize(1);
        // the key's base64 may hold '+' itself: only the first two separate
        assertThat(WitnessKey.parse("nza.example/witness+75910c10+BFXsK0k8VJHXp3ALJlI+nKyBoPQnkHId1VmIiCLmKLSB")
                .name()).isEqualTo("nza.example/witness");

        String[] parts = vkey.split("\\+", 3);
        assertThatThrownBy(() -> WitnessKey.parse("other.nl/witness+" + parts[1] + "+" + parts[2]))
                .hasMessageStartingWith("the witness key of other.nl/witness has ID " + parts[1]);
        byte[] material = Base64.getDecoder().decode(parts[2]);
        material[0] = 0x01;
        assertThatThrownBy(() -> WitnessKey.parse(parts[0] + "+" + parts[1] + "+"
                + Base64.getEncoder().encodeToString(material))).hasMessageContaining("0x04");
        for (String bad : List.of("", "name", "a+b", "a b+12345678+BA==", "n+1234567+x", "n+12345678+!!")) {
            assertThatThrownBy(() -> WitnessKey.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
