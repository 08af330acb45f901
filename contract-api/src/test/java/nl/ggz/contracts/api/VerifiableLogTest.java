package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.audit.ConsistencyProof;
import nl.ggz.contracts.audit.InclusionProof;
import nl.ggz.contracts.audit.LogHash;
import nl.ggz.contracts.audit.LogRoot;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: the verifiable log over HTTP. Events posted are appended in global order; the signed checkpoint is a C2SP
 * note whose Ed25519 signature verifies with the audit key under the key hash of c2sp.org/signed-note; an inclusion
 * proof of an event leads to the checkpoint's root; a consistency proof leads from a checkpoint taken before more
 * events to one taken after (RFC 9162, checked with the regulator's offline verifier, audit-verifier, not the server's code); an
 * insurer's log holds exactly the events of its contracts and ceilings, in order.
 */
class VerifiableLogTest extends ApplicationTest {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    @Autowired
    private AuditSigningKey key;

    @Test
    void anEventsInclusionProofVerifiesAgainstTheSignedCheckpointOfTheGlobalLog() throws Exception {
        String contractId = contractWithFourDeclarations("L");
        long position = eventPosition(ceilingOf(contractId), 2);
        long last = eventPosition(ceilingOf(contractId), 4);
        Note note = checkpointCovering(null, last);

        assertThat(note.origin()).isEqualTo("ggz-contracts/log");
        assertThat(note.signatureVerifies(key)).isTrue();
        // every event up to it, no gap, none twice: the size is the number of events at or below its last leaf
        long lastLeafPosition = jdbc.queryForObject("SELECT position FROM audit_log_leaf WHERE log = 'global' AND "
                + "leaf_index = ?", Long.class, note.size() - 1);
        assertThat(note.size()).isEqualTo(jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, lastLeafPosition));

        JsonNode proof = api.as(Api.Identity.regulator()).get("/api/audit/log/proof/inclusion?position=" + position
                + "&treeSize=" + note.size()).body();
        assertThat(proof.path("origin").asText()).isEqualTo(note.origin());
        assertThat(proof.path("position").asLong()).isEqualTo(position);
        byte[] chainHash = jdbc.queryForObject("SELECT hash FROM domainevententry WHERE globalindex = ?",
                byte[].class, position);
        byte[] leafHash = BASE64.decode(proof.path("leafHash").asText());
        assertThat(leafHash).isEqualTo(LogHash.leaf(chainHash));
        assertThat(new InclusionProof(proof.path("leafIndex").asLong(), note.size(), hashes(proof)).leadsTo(leafHash,
                note.root())).isTrue();
        // the proof of another event's leaf does not hold for this one
        byte[] other = LogHash.leaf(jdbc.queryForObject("SELECT hash FROM domainevententry WHERE globalindex = ?",
                byte[].class, last));
        assertThat(new InclusionProof(proof.path("leafIndex").asLong(), note.size(), hashes(proof)).leadsTo(other,
                note.root())).isFalse();
    }

    @Test
    void aCheckpointAfterMoreEventsIsAConsistentExtensionOfTheOneBefore() throws Exception {
        String insurer = newInsurer();
        String first = signedContract(insurer, 1_000_000);
        Note before = checkpointCovering(null, eventPosition(first, 1));
        Note insurerBefore = checkpointCovering(insurer, eventPosition(first, 1));

        String second = signedContract(insurer, 2_000_000);
        Note after = checkpointCovering(null, eventPosition(second, 1));
        Note insurerAfter = checkpointCovering(insurer, eventPosition(second, 1));

        for (Note[] pair : new Note[][]{{before, after}, {insurerBefore, insurerAfter}}) {
            String query = "/api/audit/log/proof/consistency?from=" + pair[0].size() + "&to=" + pair[1].size()
                    + (pair[0] == insurerBefore ? "&insurer=" + insurer : "");
            JsonNode proof = api.as(Api.Identity.regulator()).get(query).body();
            assertThat(proof.path("fromSize").asLong()).isEqualTo(pair[0].size());
            assertThat(proof.path("toSize").asLong()).isEqualTo(pair[1].size());
            assertThat(new ConsistencyProof(pair[0].origin(), pair[0].size(), pair[1].size(), hashes(proof))
                    .proves(pair[0].root(), pair[1].root())).as(query).isTrue();
            byte[] rewritten = pair[0].root().clone();
            rewritten[5] ^= 1;
            assertThat(new ConsistencyProof(pair[0].origin(), pair[0].size(), pair[1].size(), hashes(proof))
                    .proves(rewritten, pair[1].root())).isFalse();
        }
    }

    @Test
    void anInsurersLogHoldsExactlyTheEventsOfItsContractsCeilingsAndErasuresInGlobalOrder() throws Exception {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 1_000_000);
        assertThat(declare(declaration("I-1-" + contractId, contractId, 3_000)).status()).isEqualTo(200);
        // a patient erasure at the insurer (issue 16) is the insurer's too: PatientDataErased names it
        assertThat(api.as(Api.Identity.privacyOfficer(insurer)).post("/api/privacy/erasures", java.util.Map.of(
                "insurerUzovi", insurer, "patientRef", pseudonym("I-1-" + contractId))).status()).isEqualTo(200);
        long erasure = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry WHERE payloadtype LIKE "
                + "'%.PatientDataErased'", Long.class);
        String other = contractWithFourDeclarations("O");
        long last = Math.max(erasure, eventPosition(ceilingOf(other), 4));
        Note note = checkpointCovering(insurer, erasure);
        checkpointCovering(null, last);

        assertThat(note.origin()).isEqualTo("ggz-contracts/log/insurer/" + insurer);
        assertThat(note.signatureVerifies(key)).isTrue();
        List<Long> expected = jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE aggregateidentifier "
                + "IN (?, ?) OR globalindex = ? ORDER BY globalindex", Long.class, contractId, ceilingOf(contractId),
                erasure);
        assertThat(expected).endsWith(erasure);
        List<Long> leaves = jdbc.queryForList("SELECT position FROM audit_log_leaf WHERE log = ? ORDER BY leaf_index",
                Long.class, insurer);
        assertThat(leaves).isEqualTo(expected);
        List<byte[]> leafHashes = new ArrayList<>();
        for (long position : expected) {
            leafHashes.add(LogHash.leaf(jdbc.queryForObject("SELECT hash FROM domainevententry WHERE globalindex = ?",
                    byte[].class, position)));
        }
        assertThat(note.root()).isEqualTo(rootOf(leafHashes));

        // its own purchaser reads it; another insurer's purchaser, and the global log, are refused
        assertThat(api.as(Api.Identity.purchaser(insurer)).getText("/api/audit/log/checkpoint?insurer=" + insurer,
                null).status()).isEqualTo(200);
        Api.Response foreign = api.as(Api.Identity.purchaser(newInsurer())).get("/api/audit/log/checkpoint?insurer="
                + insurer);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.raw()).doesNotContain(Long.toString(note.size()) + " ");
        assertThat(api.as(Api.Identity.purchaser(insurer)).get("/api/audit/log/checkpoint").status()).isEqualTo(403);
        assertThat(api.as(Api.Identity.provider(newProvider())).get("/api/audit/log/checkpoint").status())
                .isEqualTo(403);
        // a position of another insurer is not in this log: not found, whatever it is
        Api.Response notHers = api.as(Api.Identity.regulator()).get("/api/audit/log/proof/inclusion?insurer="
                + insurer + "&treeSize=" + note.size() + "&position=" + eventPosition(ceilingOf(other), 1));
        assertThat(notHers.status()).isEqualTo(404);
    }

    @Test
    void sizesBeyondTheLogFromAboveToAndAbsurdNumbersAreProblems() throws Exception {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Note note = checkpointCovering(null, eventPosition(contractId, 1));
        Api regulator = api.as(Api.Identity.regulator());
        String beyond = Long.toString(note.size() + 1_000_000);
        for (String query : List.of("/proof/inclusion?position=1&treeSize=" + beyond,
                "/proof/consistency?from=1&to=" + beyond, "/proof/consistency?from=3&to=2",
                "/proof/consistency?from=0&to=2", "/proof/consistency?from=-1&to=2",
                "/proof/consistency?from=1&to=99999999999999999999", "/proof/consistency?from=1&to=1e3",
                "/proof/inclusion?position=1", "/proof/inclusion?position=1&treeSize=1&treeSize=2",
                "/proof/inclusion?position=1&treeSize=1&size=1", "/checkpoint?insurer=12",
                "/checkpoint?origin=x")) {
            Api.Response refused = regulator.get("/api/audit/log" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).as(query).startsWith("application/problem+json");
        }
        assertThat(regulator.get("/api/audit/log/proof/consistency?from=1&to=" + beyond).body().path("detail")
                .asText()).isEqualTo("to " + beyond + " is beyond the log's size " + logSize(null)
                + " (ggz-contracts/log)");
    }

    private long logSize(String insurer) {
        return parse(api.as(Api.Identity.regulator()).getText("/api/audit/log/checkpoint"
                + (insurer == null ? "" : "?insurer=" + insurer), null).body()).size();
    }

    /** The checkpoint once the log has appended the event at {@code position} (it runs a little behind). */
    private Note checkpointCovering(String insurer, long position) {
        String log = insurer == null ? "global" : insurer;
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log_leaf WHERE log = ? AND position = ?",
                Long.class, log, position) == 1);
        Api.Text text = api.as(Api.Identity.regulator()).getText("/api/audit/log/checkpoint"
                + (insurer == null ? "" : "?insurer=" + insurer), null);
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        return parse(text.body());
    }

    private static List<byte[]> hashes(JsonNode proof) {
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").forEach(hash -> hashes.add(BASE64.decode(hash.asText())));
        return hashes;
    }

    static Note parse(String text) {
        int blank = text.indexOf("\n\n");
        String body = text.substring(0, blank + 1);
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(3);
        String signature = text.substring(blank + 2);
        assertThat(signature).startsWith("\u2014 " + lines[0] + " ").endsWith("\n");
        String[] parts = signature.strip().split(" ");
        return new Note(body, lines[0], Long.parseLong(lines[1]), BASE64.decode(lines[2]), parts[1],
                BASE64.decode(parts[2]));
    }

    record Note(String body, String origin, long size, byte[] root, String keyName, byte[] signatureLine) {

        /** c2sp.org/signed-note: key hash = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw key)[:4], then the signature. */
        boolean signatureVerifies(AuditSigningKey key) throws Exception {
            byte[] encoded = key.keyPair().getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(keyName.getBytes(StandardCharsets.UTF_8));
            sha.update(new byte[]{0x0A, 0x01});
            sha.update(raw);
            if (!Arrays.equals(Arrays.copyOf(sha.digest(), 4), Arrays.copyOf(signatureLine, 4))) {
                return false;
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.keyPair().getPublic());
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Arrays.copyOfRange(signatureLine, 4, signatureLine.length));
        }
    }

    /** The root the regulator's verifier computes over these leaf hashes (audit-verifier, RFC 9162 §2.1.1). */
    private static byte[] rootOf(List<byte[]> leafHashes) {
        LogRoot root = new LogRoot(1024);
        leafHashes.forEach(root::appendLeafHash);
        return root.root();
    }
}
