package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --bundle}: {@code ggz-audit-bundle/1} bundles made by hand the way the application made them (still read;
 * the /2 parts: {@link BundleCompletenessTest}). The installation holds streams A and B
 * of the insurer ({@link ExportLines#sample()}, positions 1–7) and C of another insurer (position 8); the checkpoint
 * covers all three, the bundle holds A and B.
 */
class BundleVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final List<String> installation = installation();
    private final Checkpoint checkpoint = CheckpointVerificationTest.checkpoint(1, installation, 8);
    private final MerkleTree tree = MerkleTree.of(heads(installation).values());

    @Test
    void aWholeBundleVerifiesWithTheKeyGivenAndExitsZero() throws Exception {
        Run run = run("--bundle", bundle(installation.subList(0, 7)).toString(), "--public-key", key().toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK: bundle of insurer 7095, year 2027: 7 events in 2 streams, chains intact "
                + "from sequence 0").contains("CHECKPOINT 1 OK: up to position 8", "(the key given)",
                "HEADS OK: the last event of each of the 2 streams is in the checkpoint's root").doesNotContain("warning");

        Run bundledKey = run("--bundle", bundle(installation.subList(0, 7)).toString());
        assertThat(bundledKey.exit()).as(bundledKey.out()).isZero();
        assertThat(bundledKey.out()).contains("warning: checked with the public key inside the bundle only");
    }

    @Test
    void aVersion1BundleStillVerifiesAndSaysItCannotShowCompleteness() throws Exception {
        Run run = run("--bundle", bundle(installation.subList(0, 7)).toString(), "--public-key", key().toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("note: a ggz-audit-bundle/1 bundle cannot show that no event or whole stream "
                + "of the insurer was left out of it; a ggz-audit-bundle/2 bundle can (README)")
                .doesNotContain("COMPLETE");

        Run withState = run("--bundle", bundle(installation.subList(0, 7)).toString(), "--public-key",
                key().toString(), "--state", folder.resolve("heads.json").toString());
        assertThat(withState.exit()).as(withState.out()).isEqualTo(1);
        assertThat(withState.out()).startsWith("BUNDLE: a ggz-audit-bundle/1 bundle carries no head of the insurer's "
                + "log to check against the trusted state");
        assertThat(folder.resolve("heads.json")).doesNotExist();
    }

    @Test
    void aStreamWithoutItsFirstEventIsReportedMissing() throws Exception {
        List<String> lines = new ArrayList<>(installation.subList(0, 7));
        lines.remove(0);
        Run run = run("--bundle", bundle(lines).toString(), "--public-key", key().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("MISSING at position 3 (aggregate A, sequence 1): sequence 0 of this stream is"
                + " not in the bundle, which holds every stream from its start");
    }

    @Test
    void aStreamCutShortAtItsEndFailsItsHeadThoughItsChainIsIntact() throws Exception {
        List<String> lines = new ArrayList<>(installation.subList(0, 6));
        Run run = run("--bundle", bundle(lines).toString(), "--public-key", key().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("HEAD of stream A (sequence 2): its inclusion proof does not lead to the root "
                + "of checkpoint 1").contains("the proofs of 1 of the 2 streams fail: A");
    }

    @Test
    void aBundleSignedWithAnotherKeyThanTheOneGivenFailsItsCheckpoint() throws Exception {
        Path otherKey = Files.writeString(folder.resolve("other.pem"),
                CheckpointSignature.publicKeyPem(CheckpointSignatureTest.newKey().getPublic()));
        Run run = run("--bundle", bundle(installation.subList(0, 7)).toString(), "--public-key", otherKey.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("CHECKPOINT 1: the bundle's public-key.pem is key "
                + CheckpointSignature.keyId(CheckpointVerificationTest.KEY.getPublic()) + ", not the key given");
    }

    @Test
    void wrongUseOrAFileThatIsNoBundleExitsTwo() throws Exception {
        Path bundle = bundle(installation.subList(0, 7));
        assertThat(run("export.ndjson", "--bundle", bundle.toString()).exit()).isEqualTo(2);
        assertThat(run("--bundle", bundle.toString(), "--checkpoints", "c.json").exit()).isEqualTo(2);
        assertThat(run("--bundle").exit()).isEqualTo(2);
        Path notZip = Files.writeString(folder.resolve("not.zip"), "no archive");
        Run run = run("--bundle", notZip.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("could not read " + notZip);
    }

    private static List<String> installation() {
        List<String> lines = new ArrayList<>(ExportLines.sample());
        lines.add(ExportLines.line(8, "C", 0, "{\"amountCents\":800}", new HashMap<>()));
        return lines;
    }

    private Path key() throws IOException {
        return Files.writeString(folder.resolve("public.pem"),
                CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic()));
    }

    /** The archive of these lines as the application writes it: manifest counted from them, heads proved in the tree. */
    private Path bundle(List<String> lines) throws Exception {
        String events = String.join("\n", lines) + "\n";
        Map<String, Long> byType = new TreeMap<>();
        lines.forEach(line -> byType.merge(json(line).path("eventType").asText(), 1L, Long::sum));
        List<BundleStream> streams = new ArrayList<>();
        for (StreamHead head : heads(lines).values()) {
            InclusionProof proof = tree.proof(tree.indexOf(head.aggregateId()));
            streams.add(new BundleStream(head.aggregateId(), head.sequence(), HexFormat.of().formatHex(head.hash()),
                    proof.leafIndex(), proof.treeSize(), proof.path().stream().map(HexFormat.of()::formatHex).toList()));
        }
        BundleManifest manifest = new BundleManifest(BundleLayout.FORMAT_1, "7095", 2027, "2027-03-01T10:00:01Z",
                lines.size(), byType, streams.size(), json(lines.get(0)).path("position").asLong(),
                json(lines.get(lines.size() - 1)).path("position").asLong(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(events.getBytes(StandardCharsets.UTF_8))),
                new BundleCheckpoint(checkpoint.id(), checkpoint.upToPosition(),
                        HexFormat.of().formatHex(checkpoint.merkleRoot())), streams, null);
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleLayout.README, "read me".getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.CHECKPOINT, checkpointJson().getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.PUBLIC_KEY, CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic())
                .getBytes(StandardCharsets.US_ASCII));
        files.put(BundleLayout.EVENTS, events.getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.MANIFEST, manifestBytes.toByteArray());
        Path archive = Files.createTempFile(folder, "ggz-audit-", ".zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        return archive;
    }

    private String checkpointJson() {
        return "{\"id\":" + checkpoint.id() + ",\"createdAt\":\"" + checkpoint.createdAt() + "\",\"upToPosition\":"
                + checkpoint.upToPosition() + ",\"events\":" + checkpoint.events() + ",\"streams\":"
                + checkpoint.streams() + ",\"merkleRoot\":\"" + HexFormat.of().formatHex(checkpoint.merkleRoot())
                + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\"}";
    }

    /** The last line of each stream, by aggregate id. */
    private static Map<String, StreamHead> heads(List<String> lines) {
        Map<String, StreamHead> heads = new TreeMap<>();
        for (String text : lines) {
            JsonNode line = json(text);
            String aggregateId = line.path("aggregateId").asText();
            heads.put(aggregateId, new StreamHead(aggregateId, line.path("sequenceNumber").asLong(),
                    HexFormat.of().parseHex(line.path("hash").asText())));
        }
        return heads;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            int exit = VerifyExport.run(args);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
