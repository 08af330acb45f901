package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier on hand-made export lines: an intact export, and each kind of tampering at the right line. */
class ExportVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two interleaved streams: A 0..3 and B 0..2, positions 1..7. */
    private final List<String> export = ExportLines.sample();

    @Test
    void anUntouchedExportIsIntact() throws IOException {
        Verdict verdict = verify(export);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.report()).isEqualTo("OK: 7 events in 2 streams, chains intact");
    }

    @Test
    void reformattedJsonStillVerifies() throws IOException {
        // payload keys reordered and spaced, as another JSON tool might write them: the value is the same
        List<String> lines = new ArrayList<>(export);
        lines.set(2, lines.get(2).replace("{\"amountCents\":300,\"note\":\"c\"}", "{ \"note\" : \"c\", \"amountCents\" : 300 }"));
        assertThat(lines.get(2)).contains("\"note\" : \"c\"");
        assertThat(verify(lines).intact()).isTrue();
    }

    @Test
    void anAlteredPayloadIsReportedAlteredAtThatEvent() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(2, lines.get(2).replace("\"amountCents\":300", "\"amountCents\":900"));
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position 3 (aggregate A, sequence 1): ");
    }

    @Test
    void anAlteredMetadataFieldIsReportedAltered() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(4, lines.get(4).replace("\"principal\":\"clerk\"", "\"principal\":\"someone-else\""));
        assertThat(verify(lines).report()).startsWith("ALTERED at position 5 (aggregate A, sequence 2)");
    }

    @Test
    void aRemovedLineIsReportedMissingAtTheEventAfterIt() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.remove(2); // A 1
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position 5 (aggregate A, sequence 2): sequence 1 of this "
                + "stream is not in the export");
    }

    @Test
    void aRemovedLastLineOfAStreamCannotBeSeenWithoutACheckpoint() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.remove(6); // A 3, the stream's last event: nothing after it links to it
        assertThat(verify(lines).intact()).isTrue();
    }

    @Test
    void swappedLinesOfOneStreamAreReportedAtTheFirstOfThem() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(2, export.get(4));
        lines.set(4, export.get(2));
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position 5 (aggregate A, sequence 2): sequence 1 of this "
                + "stream is not in the export (removed, or moved further on)");
    }

    @Test
    void linesOutOfPositionOrderAreReportedReordered() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(2, export.get(3));
        lines.set(3, export.get(2));
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.REORDERED);
        assertThat(verdict.report()).startsWith("REORDERED at position 3 (aggregate A, sequence 1): position 3 follows "
                + "position 4");
    }

    @Test
    void swappedEventsOfOneStreamThatKeptTheirPositionsAreReportedAtTheFirstOfThem() throws IOException {
        // the rows' contents swapped, the positions left in place: A 2 now comes where A 1 was
        List<String> lines = new ArrayList<>(export);
        lines.set(2, withPosition(export.get(4), 3));
        lines.set(4, withPosition(export.get(2), 5));
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position 3 (aggregate A, sequence 2)");
    }

    @Test
    void aSwappedSequenceNumberIsReportedAlteredBecauseItIsHashed() throws IOException {
        List<String> lines = new ArrayList<>(export);
        lines.set(2, lines.get(2).replace("\"sequenceNumber\":1", "\"sequenceNumber\":2"));
        lines.set(4, lines.get(4).replace("\"sequenceNumber\":2", "\"sequenceNumber\":1"));
        assertThat(verify(lines).report()).startsWith("ALTERED at position 3 (aggregate A, sequence 2)");
    }

    @Test
    void aReplacedEventWithAValidHashOfItsOwnIsReportedMissing() throws IOException {
        // someone rewrites A 1 and recomputes its hash, but not the hashes after it
        List<String> lines = new ArrayList<>(export);
        Map<String, byte[]> heads = new HashMap<>();
        heads.put("A", hex(JSON.readTree(export.get(0)).path("hash").asText()));
        lines.set(2, ExportLines.line(3, "A", 1, "{\"amountCents\":1,\"note\":\"c\"}", heads));
        Verdict verdict = verify(lines);
        assertThat(verdict.failure()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position 5 (aggregate A, sequence 2): previousHash links to "
                + "an event that is not in the export");
    }

    @Test
    void aStreamStartingAfterItsFirstEventIsTakenAsAnAnchorAndSaidSo() throws IOException {
        Verdict verdict = verify(export.subList(2, export.size()));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.report()).contains("OK: 5 events in 2 streams, chains intact")
                .contains("A from sequence 1 (position 3)");
    }

    private static String withPosition(String line, long position) {
        return line.replaceFirst("\"position\":\\d+", "\"position\":" + position);
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static Verdict verify(List<String> lines) throws IOException {
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
    }
}
