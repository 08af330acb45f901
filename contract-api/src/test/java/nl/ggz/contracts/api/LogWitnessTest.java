package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.Cosignature;
import nl.ggz.contracts.audit.LogCheckpoint;
import nl.ggz.contracts.audit.WitnessKey;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, witnesses (C2SP tlog-cosignature): the NZa, as the witness configured in {@code ggz.audit.log.witnesses},
 * posts the checkpoint it cosigned; the cosignature is kept only over a head this installation signed (same origin,
 * size and root) and only when it verifies with the witness's key, and the checkpoint of that size is then served with
 * the witness's line, which the regulator's verifier accepts. Anything else is a 4xx problem and nothing is kept.
 */
class LogWitnessTest extends ApplicationTest {

    /** The private half of {@link ApplicationTest#WITNESS_VKEY} (PKCS#8). */
    private static final String WITNESS_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIHAbs62SZcS4XF18yyIMqLGJ4dQ3uMaNnmOnlwcmh1z+";
    static final WitnessKey WITNESS = WitnessKey.parse(WITNESS_VKEY);
    private static final String TEXT = "text/plain; charset=utf-8";

    @Autowired
    private AuditSigningKey key;

    @Test
    void aWitnessCosignatureOfASignedHeadIsKeptAndServedWithTheCheckpointOfThatSize() throws Exception {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 1_000_000);
        String note = checkpointCovering(insurer, eventPosition(contractId, 1));
        LogCheckpoint head = LogCheckpoint.parse(note);
        Instant at = Instant.now().minusSeconds(5);
        String line = Cosignature.line(head.body(), WITNESS, witnessKey(), at);

        Api.Response accepted = post(note + line);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("origin").asText()).isEqualTo("ggz-contracts/log/insurer/" + insurer);
        assertThat(accepted.body().path("treeSize").asLong()).isEqualTo(head.treeSize());
        assertThat(accepted.body().path("cosignatures").get(0).path("witness").asText())
                .isEqualTo("nza.example/witness");
        assertThat(accepted.body().path("cosignatures").get(0).path("stored").asBoolean()).isTrue();

        // a head grown since: the checkpoint of the size the witness cosigned carries its line
        signedContract(insurer, 2_000_000);
        Api.Text served = api.as(Api.Identity.purchaser(insurer)).getText("/api/audit/log/checkpoint?insurer="
                + insurer + "&size=" + head.treeSize(), null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(note + line);
        LogCheckpoint cosigned = LogCheckpoint.parse(served.body());
        assertThat(cosigned.signedBy(cosigned.origin(), key.keyPair().getPublic())).isTrue();
        assertThat(Cosignature.on(cosigned, WITNESS)).contains(Instant.ofEpochSecond(at.getEpochSecond()));

        // the same witness again over the same head: accepted, the first line stays
        Api.Response again = post(note + Cosignature.line(head.body(), WITNESS, witnessKey(), at.plusSeconds(1)));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("cosignatures").get(0).path("stored").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_cosignature WHERE log = ?", Long.class,
                insurer)).isEqualTo(1);
        assertThat(api.as(Api.Identity.regulator()).getText("/api/audit/log/checkpoint?insurer=" + insurer + "&size="
                + head.treeSize(), null).body()).isEqualTo(note + line);
    }

    @Test
    void aCosignatureOfAHeadNeverSignedOrThatDoesNotVerifyIsRefusedAndNothingIsKept() throws Exception {
        String insurer = newInsurer();
        String note = checkpointCovering(insurer, eventPosition(signedContract(insurer, 1_000_000), 1));
        LogCheckpoint head = LogCheckpoint.parse(note);
        long size = head.treeSize();
        String origin = head.origin();
        byte[] otherRoot = head.rootHash().clone();
        otherRoot[0] ^= 1;
        String forkedBody = LogCheckpoint.body(origin, size, otherRoot);
        String beyondBody = LogCheckpoint.body(origin, size + 1_000, head.rootHash());
        String foreignBody = LogCheckpoint.body("example.com/other-log", size, head.rootHash());
        PrivateKey impostor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        String stranger = "\u2014 someone.example/witness " + Base64.getEncoder().encodeToString(new byte[76]) + "\n";

        Map<String, Refusal> refusals = new java.util.LinkedHashMap<>();
        refusals.put("a head with another root", new Refusal(409, "the root hash is not the root of " + origin
                + " at size " + size + ": this installation never signed that head",
                cosigned(forkedBody, Instant.now())));
        refusals.put("a head beyond the log", new Refusal(400, "tree size " + (size + 1_000) + " is beyond the log's "
                + "size", cosigned(beyondBody, Instant.now())));
        refusals.put("another log", new Refusal(400, "the origin 'example.com/other-log' is not a log of this "
                + "installation", cosigned(foreignBody, Instant.now())));
        refusals.put("a line over another head", new Refusal(400, "the cosignature of witness nza.example/witness "
                + "does not verify over this head", note + Cosignature.line(beyondBody, WITNESS, witnessKey(),
                Instant.now())));
        refusals.put("a line of another key", new Refusal(400, "does not verify over this head", note
                + Cosignature.line(head.body(), WITNESS, impostor, Instant.now())));
        refusals.put("a witness not configured", new Refusal(400, "no witness named 'someone.example/witness' is "
                + "configured", note + stranger));
        refusals.put("no cosignature", new Refusal(400, "no cosignature of a witness in it", note));
        refusals.put("from the future", new Refusal(400, "in the future", note + Cosignature.line(head.body(),
                WITNESS, witnessKey(), Instant.now().plusSeconds(3_600))));
        refusals.put("no note", new Refusal(400, "a signed note has a blank line", "hello\n"));
        refusals.put("a control character", new Refusal(400, "U+0000", note.replace("\n\n", "\n\u0000\n")));

        for (Map.Entry<String, Refusal> refusal : refusals.entrySet()) {
            Api.Response answer = post(refusal.getValue().note());
            assertThat(answer.status()).as(refusal.getKey() + ": " + answer.raw()).isEqualTo(refusal.getValue().status());
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("detail").asText()).as(refusal.getKey()).contains(refusal.getValue().detail());
        }
        Api.Response json = api.as(Api.Identity.regulator()).postRaw("/api/audit/log/cosignatures", "{}");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body().path("detail").asText()).contains("text/plain");
        Api.Response notUtf8 = api.as(Api.Identity.regulator()).postBytes("/api/audit/log/cosignatures", TEXT,
                new byte[]{'a', (byte) 0xC0, (byte) 0x80, '\n'});
        assertThat(notUtf8.status()).isEqualTo(400);
        // the witness is the regulator: an insurer's purchaser cannot cosign its own log
        String valid = note + Cosignature.line(head.body(), WITNESS, witnessKey(), Instant.now());
        assertThat(api.as(Api.Identity.purchaser(insurer)).postBytes("/api/audit/log/cosignatures", TEXT,
                valid.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_cosignature WHERE log = ?", Long.class,
                insurer)).isZero();
        assertThat(api.as(Api.Identity.regulator()).getText("/api/audit/log/checkpoint?insurer=" + insurer + "&size="
                + size, null).body()).isEqualTo(note);
    }

    private record Refusal(int status, String detail, String note) {
    }

    /** A note as a witness would cosign it (the log's own line is not needed: the server makes it again). */
    private String cosigned(String body, Instant at) throws Exception {
        return body + "\n" + Cosignature.line(body, WITNESS, witnessKey(), at);
    }

    private Api.Response post(String note) {
        return api.as(Api.Identity.regulator()).postBytes("/api/audit/log/cosignatures", TEXT,
                note.getBytes(StandardCharsets.UTF_8));
    }

    private String checkpointCovering(String insurer, long position) {
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log_leaf WHERE log = ? AND position = ?",
                Long.class, insurer, position) == 1);
        Api.Text text = api.as(Api.Identity.regulator()).getText("/api/audit/log/checkpoint?insurer=" + insurer, null);
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        return text.body();
    }

    static PrivateKey witnessKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(WITNESS_PRIVATE)));
    }
}
