package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --bundle} on {@code ggz-audit-bundle/2} bundles made by hand the way the application makes them (issue 18:
 * a bundle proves it is complete). The installation: streams A and B of insurer 7095 whose first events decide no year
 * (so they go in full), C of another insurer, D a ceiling of 7095 for 2026 and E one for 2027. The insurer's log holds
 * every event but C's; the bundle of 2027 holds A, B and E, and shows D outside 2027 by its first event.
 */
class BundleCompletenessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "ggz-contracts/log/insurer/7095";
    private static final String CEILING = StreamScope.CEILING_AGREED;

    @TempDir
    Path folder;

    private static List<String> installation(boolean rewritten) {
        Map<String, byte[]> heads = new HashMap<>();
        List<String> lines = new ArrayList<>(ExportLines.sample());
        if (rewritten) {
            // A's sequence 1 changed and every hash after it recomputed: the chains hold, the log does not
            lines.clear();
            lines.add(ExportLines.line(1, "A", 0, "{\"amountCents\":100,\"note\":\"a\"}", heads));
            lines.add(ExportLines.line(2, "B", 0, "{\"amountCents\":200,\"note\":\"b\"}", heads));
            lines.add(ExportLines.line(3, "A", 1, "{\"amountCents\":999,\"note\":\"c\"}", heads));
            lines.add(ExportLines.line(4, "B", 1, "{\"amountCents\":1.50,\"note\":\"d\"}", heads));
            lines.add(ExportLines.line(5, "A", 2, "{\"amountCents\":500,\"note\":[1,2,{\"z\":1,\"a\":null}]}", heads));
            lines.add(ExportLines.line(6, "B", 2, "{\"amountCents\":600,\"note\":\"f\"}", heads));
            lines.add(ExportLines.line(7, "A", 3, "{\"amountCents\":700,\"note\":\"g\"}", heads));
        }
        lines.add(ExportLines.line(8, "C", 0, "{\"amountCents\":800}", heads));
        lines.add(ExportLines.line(9, "D", 0, CEILING, "{\"insurer\":\"7095\",\"year\":2026}", heads));
        lines.add(ExportLines.line(10, "D", 1, "{\"amountCents\":1000}", heads));
        lines.add(ExportLines.line(11, "E", 0, CEILING, "{\"insurer\":\"7095\",\"year\":2027}", heads));
        lines.add(ExportLines.line(12, "E", 1, "{\"amountCents\":1200}", heads));
        return lines;
    }

    /** What goes into one bundle; each test changes what it tampers with. */
    private static final class Parts {
        final List<String> installation;
        final long upTo;
        List<String> events;
        List<String> firstEvents;
        List<ObjectNode> leaves;
        Set<String> outside = Set.of("D");
        String consistency;
        String note;

        Parts(List<String> installation, long upTo) {
            this.installation = installation.stream().filter(line -> position(line) <= upTo).toList();
            this.upTo = upTo;
            events = this.installation.stream().filter(stream("A", "B", "E")).toList();
            firstEvents = this.installation.stream().filter(line -> stream("D").test(line)
                    && json(line).path("sequenceNumber").asLong() == 0).toList();
            leaves = new ArrayList<>();
            List<byte[]> inputs = new ArrayList<>();
            for (String line : this.installation) {
                JsonNode event = json(line);
                if (event.path("aggregateId").asText().equals("C")) {
                    continue;
                }
                byte[] hash = HexFormat.of().parseHex(event.path("hash").asText());
                ObjectNode leaf = JSON.createObjectNode();
                leaf.put("leafIndex", leaves.size());
                leaf.put("position", event.path("position").asLong());
                leaf.put("aggregateId", event.path("aggregateId").asText());
                leaf.put("sequence", event.path("sequenceNumber").asLong());
                leaf.put("leafHash", Base64.getEncoder().encodeToString(LogHash.leaf(hash)));
                leaves.add(leaf);
                inputs.add(hash);
            }
            log = new ReferenceLog(inputs);
            note = LogCheckpoint.sign(LogCheckpoint.body(ORIGIN, leaves.size(), log.root(leaves.size())), ORIGIN,
                    CheckpointVerificationTest.KEY.getPrivate(), CheckpointVerificationTest.KEY.getPublic());
        }

        final ReferenceLog log;

        /** The consistency proof from the insurer's head of {@code from} leaves to this bundle's. */
        Parts since(int from) {
            StringBuilder hashes = new StringBuilder();
            for (byte[] hash : log.consistency(from, leaves.size())) {
                hashes.append(hashes.isEmpty() ? "" : ",").append('"').append(Base64.getEncoder().encodeToString(hash))
                        .append('"');
            }
            consistency = "{\"origin\":\"" + ORIGIN + "\",\"fromSize\":" + from + ",\"toSize\":" + leaves.size()
                    + ",\"hashes\":[" + hashes + "]}";
            return this;
        }
    }

    @Test
    void aBundleWhoseEventsAreEveryLeafOfTheInsurersHeadOrOfStreamsOutsideTheYearIsComplete() throws Exception {
        Run run = run("--bundle", bundle(new Parts(installation(false), 12)).toString(), "--public-key", key());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK: bundle of insurer 7095, year 2027: 9 events in 3 streams, chains intact")
                .contains("LOG OK: " + ORIGIN + " at size 11, root ", "signed by the key given",
                        "COMPLETE OK: the 11 leaves of " + ORIGIN + " up to its head are the 9 events of the bundle "
                                + "and 2 events of 1 streams outside 2027 (each shown by its first event, its head in "
                                + "the checkpoint's root)")
                .doesNotContain("cannot show", "warning");
    }

    @Test
    void anEventLeftOutOfTheEventsWithTheManifestFixedUpIsIncompleteNamingItsPosition() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.events = parts.events.stream().filter(line -> position(line) != 3).toList();
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("INCOMPLETE: the insurer's event at position 3 (aggregate A, sequence 1; leaf "
                + "2 of " + ORIGIN + ") is not in the bundle: events.ndjson lacks it, and first-events.ndjson does not "
                + "show its stream outside 2027");

        // the last event of a stream: the chains alone cannot see it
        Parts last = new Parts(installation(false), 12);
        last.events = last.events.stream().filter(line -> position(line) != 12).toList();
        Run end = run("--bundle", bundle(last).toString(), "--public-key", key());
        assertThat(end.exit()).isEqualTo(1);
        assertThat(end.out()).startsWith("INCOMPLETE: the insurer's event at position 12 (aggregate E, sequence 1; "
                + "leaf 10 of " + ORIGIN + ") is not in the bundle");
    }

    @Test
    void aWholeStreamLeftOutIsIncompleteAtItsFirstEvent() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.events = parts.events.stream().filter(stream("E").negate()).toList();
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("INCOMPLETE: the insurer's event at position 11 (aggregate E, sequence 0; "
                + "leaf 9 of " + ORIGIN + ") is not in the bundle");
    }

    @Test
    void aStreamWhoseFirstEventCoversTheYearCannotBePassedOffAsOutsideIt() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.events = parts.events.stream().filter(stream("E").negate()).toList();
        parts.firstEvents = parts.installation.stream().filter(line -> position(line) == 9 || position(line) == 11)
                .toList();
        parts.outside = Set.of("D", "E");
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("INCOMPLETE: stream E covers 2027 by its first event (position 11), so it "
                + "belongs in the bundle of 2027, but events.ndjson does not hold it");
    }

    @Test
    void leavesOfABundledStreamListedAsAnOutsideStreamsFailThatStreamsHead() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.events = parts.events.stream().filter(stream("E").negate()).toList();
        // E's sequence 1 relabelled as D's sequence 2: E's first leaf then still shows it missing
        parts.leaves.get(10).put("aggregateId", "D").put("sequence", 2);
        parts.leaves.get(9).put("aggregateId", "D").put("sequence", 2);
        parts.leaves.get(10).put("sequence", 3);
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("HEAD of stream D (outside the year, sequence 3): the leaves listed as this "
                + "stream's end at sequence 3, the manifest's head is sequence 1");
    }

    @Test
    void aLeafListThatIsNotTheSignedLogIsRewritten() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.leaves.remove(5);
        for (int i = 0; i < parts.leaves.size(); i++) {
            parts.leaves.get(i).put("leafIndex", i);
        }
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("REWRITTEN: log-leaves.ndjson lists 10 leaves with root ")
                .contains("the insurer's signed head 11 leaves with root");
    }

    @Test
    void aHeadNotSignedWithTheKeyGivenIsInconsistent() throws Exception {
        Parts parts = new Parts(installation(false), 12);
        parts.note = parts.note.replace("\n11\n", "\n12\n");
        Run run = run("--bundle", bundle(parts).toString(), "--public-key", key());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("INCONSISTENT " + ORIGIN + " at size 12: no valid signature by key " + ORIGIN
                + "+");
    }

    @Test
    void withAStateTheBundlesHeadIsStoredAndALaterOneMustExtendItByItsConsistencyProof() throws Exception {
        Path state = folder.resolve("nza-heads.json");
        Run first = run("--bundle", bundle(new Parts(installation(false), 10)).toString(), "--public-key", key(),
                "--state", state.toString());
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("LOG OK: " + ORIGIN + " at size 9, root ", "trusted on first use",
                        "COMPLETE OK: the 9 leaves")
                .endsWith("STATE: " + state + " holds the head of " + ORIGIN + " at size 9" + System.lineSeparator());

        Run without = run("--bundle", bundle(new Parts(installation(false), 12)).toString(), "--public-key", key(),
                "--state", state.toString());
        assertThat(without.exit()).isEqualTo(1);
        assertThat(without.out()).startsWith("INCONSISTENT " + ORIGIN + " at size 11: a consistency proof from the "
                + "stored head's size 9 is needed");

        Run later = run("--bundle", bundle(new Parts(installation(false), 12).since(9)).toString(), "--public-key",
                key(), "--state", state.toString());
        assertThat(later.exit()).as(later.out()).isZero();
        assertThat(later.out()).contains("LOG OK: " + ORIGIN + " at size 11, root ", "a consistent extension of the "
                + "stored head of size 9 (consistency proof)").contains("STATE: " + state + " holds the head of "
                + ORIGIN + " at size 11");
        assertThat(TrustedState.read(state).head(ORIGIN).treeSize()).isEqualTo(11);
    }

    @Test
    void withAStateARewrittenHistoryBelowTheStoredHeadIsInconsistentAndNamedByPosition() throws Exception {
        Path state = folder.resolve("nza-heads.json");
        assertThat(run("--bundle", bundle(new Parts(installation(false), 10)).toString(), "--public-key", key(),
                "--state", state.toString()).exit()).isZero();
        String stored = Files.readString(state);

        Run run = run("--bundle", bundle(new Parts(installation(true), 12).since(9)).toString(), "--public-key", key(),
                "--state", state.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("INCONSISTENT " + ORIGIN + " at size 11: not a consistent extension of the "
                + "stored head of size 9").contains("REWRITTEN below the stored head of size 9: the log recomputed "
                + "from the export's first 9 events has root ");
        assertThat(Files.readString(state)).isEqualTo(stored);
    }

    @Test
    void withAStateTwoHeadsOfOneSizeWithDifferentRootsAreAFork() throws Exception {
        Path state = folder.resolve("nza-heads.json");
        assertThat(run("--bundle", bundle(new Parts(installation(false), 12)).toString(), "--public-key", key(),
                "--state", state.toString()).exit()).isZero();

        Run run = run("--bundle", bundle(new Parts(installation(true), 12)).toString(), "--public-key", key(),
                "--state", state.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("FORK " + ORIGIN + " at size 11: the stored head of the same size has root ");
    }

    @Test
    void aStateNeedsTheKeyGiven() throws Exception {
        Run run = run("--bundle", bundle(new Parts(installation(false), 12)).toString(), "--state",
                folder.resolve("s.json").toString());
        assertThat(run.exit()).isEqualTo(2);
    }

    // — building the archive as the application does —

    private Path bundle(Parts parts) throws Exception {
        Checkpoint checkpoint = CheckpointVerificationTest.checkpoint(1, parts.installation, parts.upTo);
        MerkleTree tree = MerkleTree.of(heads(parts.installation).values());
        String events = joined(parts.events);
        Map<String, Long> byType = new TreeMap<>();
        parts.events.forEach(line -> byType.merge(json(line).path("eventType").asText(), 1L, Long::sum));
        Map<String, StreamHead> bundled = heads(parts.events);
        List<BundleStream> outOfScope = new ArrayList<>();
        heads(parts.installation).values().stream().filter(head -> parts.outside.contains(head.aggregateId()))
                .forEach(head -> outOfScope.add(proved(tree, head)));
        BundleManifest manifest = new BundleManifest(BundleLayout.FORMAT, "7095", 2027, "2027-03-01T10:00:01Z",
                parts.events.size(), byType, bundled.size(), position(parts.events.get(0)),
                position(parts.events.get(parts.events.size() - 1)),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        events.getBytes(StandardCharsets.UTF_8))),
                new BundleCheckpoint(checkpoint.id(), checkpoint.upToPosition(),
                        HexFormat.of().formatHex(checkpoint.merkleRoot())),
                bundled.values().stream().map(head -> proved(tree, head)).toList(), outOfScope);
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        manifest.write(manifestBytes);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleLayout.README, "read me".getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.CHECKPOINT, checkpointJson(checkpoint).getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.PUBLIC_KEY, CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic())
                .getBytes(StandardCharsets.US_ASCII));
        files.put(BundleLayout.LOG_CHECKPOINT, parts.note.getBytes(StandardCharsets.UTF_8));
        if (parts.consistency != null) {
            files.put(BundleLayout.LOG_CONSISTENCY, parts.consistency.getBytes(StandardCharsets.UTF_8));
        }
        files.put(BundleLayout.FIRST_EVENTS, joined(parts.firstEvents).getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.EVENTS, events.getBytes(StandardCharsets.UTF_8));
        files.put(BundleLayout.LOG_LEAVES, joined(parts.leaves.stream().map(ObjectNode::toString).toList())
                .getBytes(StandardCharsets.UTF_8));
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

    private static String checkpointJson(Checkpoint checkpoint) {
        return "{\"id\":" + checkpoint.id() + ",\"createdAt\":\"" + checkpoint.createdAt() + "\",\"upToPosition\":"
                + checkpoint.upToPosition() + ",\"events\":" + checkpoint.events() + ",\"streams\":"
                + checkpoint.streams() + ",\"merkleRoot\":\"" + HexFormat.of().formatHex(checkpoint.merkleRoot())
                + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\"}";
    }

    private static BundleStream proved(MerkleTree tree, StreamHead head) {
        InclusionProof proof = tree.proof(tree.indexOf(head.aggregateId()));
        return new BundleStream(head.aggregateId(), head.sequence(), HexFormat.of().formatHex(head.hash()),
                proof.leafIndex(), proof.treeSize(), proof.path().stream().map(HexFormat.of()::formatHex).toList());
    }

    private static String joined(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

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

    private static Predicate<String> stream(String... ids) {
        return line -> List.of(ids).contains(json(line).path("aggregateId").asText());
    }

    private static long position(String line) {
        return json(line).path("position").asLong();
    }

    private String key() throws IOException {
        return Files.writeString(folder.resolve("public.pem"),
                CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic())).toString();
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
