package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints checked against hand-made exports: what the chains alone cannot show — a rewritten chain, a lost
 * end of a stream or of the export — is caught at the first checkpoint after it.
 */
class CheckpointVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The installation's key in these tests. */
    static final KeyPair KEY = CheckpointSignatureTest.newKey();

    /** A 0..3 and B 0..2 at positions 1..7. */
    private final List<String> export = ExportLines.sample();

    @Test
    void checkpointsOverAnUntouchedExportHold() throws IOException {
        Verdict verdict = verify(export, checkpoint(1, export, 4), checkpoint(2, export, 7));
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.lines().get(0)).isEqualTo("OK: 7 events in 2 streams, chains intact");
        assertThat(verdict.lines().get(1)).startsWith("CHECKPOINT 1 OK: up to position 4, 4 events in 2 streams");
        assertThat(verdict.lines().get(2)).startsWith("CHECKPOINT 2 OK: up to position 7, 7 events in 2 streams");
    }

    @Test
    void aChainRewrittenFromOneEventOnFailsTheCheckpointAfterIt() throws IOException {
        // A 1 changed and every hash of A after it recomputed: the chains alone are intact
        List<String> rewritten = rewrittenFromA1();
        assertThat(ExportVerifier.verify(reader(rewritten)).intact()).isTrue();

        Verdict verdict = verify(rewritten, checkpoint(1, export, 2), checkpoint(2, export, 4));
        assertThat(verdict.failure()).isEqualTo(Tampering.CHECKPOINT);
        assertThat(verdict.report()).startsWith("CHECKPOINT 2: root differs: the history up to position 4 was "
                + "rewritten or is incomplete");
    }

    @Test
    void theRemovedLastEventOfAStreamFailsTheCheckpointAfterIt() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.remove(5); // B 2, the last of its stream: nothing links to it
        assertThat(ExportVerifier.verify(reader(lines)).intact()).isTrue();

        assertThat(verify(lines, checkpoint(1, export, 7)).report()).startsWith("CHECKPOINT 1: root differs: the "
                + "history up to position 7 was rewritten or is incomplete (the export holds 6 events in 2 streams up "
                + "to it, the checkpoint counts 7 in 2)");
    }

    @Test
    void anExportEndingBeforeACheckpointIsIncompleteAtTheEnd() throws IOException {
        Verdict verdict = verify(export.subList(0, 6), checkpoint(1, export, 7));
        assertThat(verdict.failure()).isEqualTo(Tampering.CHECKPOINT);
        assertThat(verdict.report()).isEqualTo("CHECKPOINT 1: position 7 is beyond the end of the export (its last "
                + "position is 6): the export is filtered or incomplete at the end, or older than the checkpoint");
    }

    @Test
    void eventsAfterTheLastCheckpointAreNotCoveredByIt() throws IOException {
        // what a checkpoint cannot show: the end after it
        assertThat(verify(export.subList(0, 6), checkpoint(1, export, 5)).intact()).isTrue();
    }

    @Test
    void aCheckpointChangedAfterSigningIsRefused() throws IOException {
        Checkpoint honest = checkpoint(1, export, 7);
        Checkpoint fewer = new Checkpoint(1, honest.createdAt(), honest.upToPosition(), 6, honest.streams(),
                honest.merkleRoot(), honest.keyId(), honest.signature());
        Verdict verdict = verify(export, fewer);
        assertThat(verdict.failure()).isEqualTo(Tampering.CHECKPOINT);
        assertThat(verdict.report()).startsWith("CHECKPOINT 1: signature invalid");
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsRefused() throws IOException {
        Checkpoint forged = CheckpointSignatureTest.signed(checkpoint(1, export, 7), CheckpointSignatureTest.newKey());
        assertThat(verify(export, forged).report()).startsWith("CHECKPOINT 1: signature invalid: it names key "
                + forged.keyId() + ", the public key given is " + CheckpointSignature.keyId(KEY.getPublic()));

        Checkpoint claimingOurKey = forged.signedAs(CheckpointSignature.keyId(KEY.getPublic()), forged.signature());
        assertThat(verify(export, claimingOurKey).report()).startsWith("CHECKPOINT 1: signature invalid: the "
                + "checkpoint was changed after it was signed, or not signed with this key");
    }

    @Test
    void aFilteredExportCannotShowACheckpointAndSaysSo() throws IOException {
        Verdict verdict = verify(export.subList(2, export.size()), checkpoint(1, export, 7));
        assertThat(verdict.failure()).isEqualTo(Tampering.CHECKPOINT);
        assertThat(verdict.report()).startsWith("CHECKPOINT 1: cannot be checked against this export: stream A starts"
                + " at sequence 1 (position 3), so the export is filtered or resumed");
    }

    @Test
    void aBrokenChainIsReportedAtItsEventBeforeAnyLaterCheckpoint() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(2, lines.get(2).replace("\"amountCents\":300", "\"amountCents\":900"));
        assertThat(verify(lines, checkpoint(1, export, 7)).report()).startsWith("ALTERED at position 3");
    }

    @Test
    void withoutCheckpointsTheReportSaysWhatIsNotChecked() throws IOException {
        assertThat(ExportVerifier.verify(reader(export), List.of(), KEY.getPublic()).report())
                .contains("note: no checkpoint was given");
    }

    /** The export as someone with the database would rewrite it: A 1 changed, A's later hashes recomputed. */
    private static List<String> rewrittenFromA1() {
        Map<String, byte[]> heads = new HashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add(ExportLines.line(1, "A", 0, "{\"amountCents\":100,\"note\":\"a\"}", heads));
        lines.add(ExportLines.line(2, "B", 0, "{\"amountCents\":200,\"note\":\"b\"}", heads));
        lines.add(ExportLines.line(3, "A", 1, "{\"amountCents\":1,\"note\":\"c\"}", heads));
        lines.add(ExportLines.line(4, "B", 1, "{\"amountCents\":1.50,\"note\":\"d\"}", heads));
        lines.add(ExportLines.line(5, "A", 2, "{\"amountCents\":500,\"note\":[1,2,{\"z\":1,\"a\":null}]}", heads));
        lines.add(ExportLines.line(6, "B", 2, "{\"amountCents\":600,\"note\":\"f\"}", heads));
        lines.add(ExportLines.line(7, "A", 3, "{\"amountCents\":700,\"note\":\"g\"}", heads));
        return lines;
    }

    /** What the installation would sign over these lines up to a position. */
    static Checkpoint checkpoint(long id, List<String> lines, long upToPosition) {
        Map<String, StreamHead> heads = new HashMap<>();
        long events = 0;
        for (String text : lines) {
            JsonNode line = json(text);
            if (line.path("position").asLong() <= upToPosition) {
                String aggregateId = line.path("aggregateId").asText();
                heads.put(aggregateId, new StreamHead(aggregateId, line.path("sequenceNumber").asLong(),
                        HexFormat.of().parseHex(line.path("hash").asText())));
                events++;
            }
        }
        Checkpoint unsigned = new Checkpoint(id, Instant.parse("2027-03-01T10:00:00Z"), upToPosition, events,
                heads.size(), MerkleRoot.of(heads.values()), null, null);
        return CheckpointSignatureTest.signed(unsigned, KEY);
    }

    private static Verdict verify(List<String> lines, Checkpoint... checkpoints) throws IOException {
        return ExportVerifier.verify(reader(lines), List.of(checkpoints), KEY.getPublic());
    }

    private static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
