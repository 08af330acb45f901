package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trusted state (issue 18): a new head is stored only as a consistent extension of the stored one; a fork, an
 * older head or a failing proof is refused and the state kept; and a rewrite below a stored head — an event changed,
 * removed, inserted or reordered by a superuser who recomputed the chains — is caught by recomputing the log from
 * the export and named by position through the stored block roots.
 */
class LogVerifierTest {

    private static final String ORIGIN = LogCheckpointTest.ORIGIN;

    @Test
    void theFirstHeadIsTrustedOnFirstUseAndStoredWithTheBlockRootsOfTheExport() throws IOException {
        List<String> lines = events(20);
        TrustedState state = TrustedState.empty();

        Verdict verdict = LogVerifier.update(state, head(lines, 20), LogCheckpointTest.KEY.getPublic(), null,
                export(lines, 4, 20));

        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("trusted on first use").contains("5 block roots of 4 leaves stored");
        assertThat(state.head(ORIGIN).treeSize()).isEqualTo(20);
        assertThat(state.head(ORIGIN).blocks().roots()).hasSize(5);
    }

    @Test
    void aConsistentExtensionIsStoredAndKeepsTheBlockRootsBelowTheOldHead() {
        List<String> lines = events(50);
        TrustedState state = stored(lines, 20, 4);
        List<byte[]> blocks = state.head(ORIGIN).blocks().roots();

        Verdict verdict = LogVerifier.update(state, head(lines, 50), LogCheckpointTest.KEY.getPublic(),
                consistency(lines, 20, 50), null);

        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("a consistent extension of the stored head of size 20");
        assertThat(state.head(ORIGIN).treeSize()).isEqualTo(50);
        assertThat(state.head(ORIGIN).blocks().roots()).isEqualTo(blocks);
    }

    @Test
    void aHeadOverAHistoryRewrittenBelowTheStoredHeadIsRefusedAndTheStateKept() {
        List<String> lines = events(50);
        TrustedState state = stored(lines, 20, 4);
        List<String> rewritten = new ArrayList<>(lines);
        rewritten.set(7, event(80, "{\"n\":7,\"note\":\"rewritten\"}"));

        // the server proves the rewritten log honestly from 20 to 50: the proof cannot reach the stored root
        Verdict verdict = LogVerifier.update(state, head(rewritten, 50), LogCheckpointTest.KEY.getPublic(),
                consistency(rewritten, 20, 50), null);

        assertThat(verdict.failure()).isEqualTo(Tampering.INCONSISTENT);
        assertThat(verdict.report()).startsWith("INCONSISTENT " + ORIGIN + " at size 50: not a consistent extension "
                + "of the stored head of size 20");
        assertThat(state.head(ORIGIN).treeSize()).isEqualTo(20);
    }

    @Test
    void twoDifferentHeadsOfTheSameSizeAreAFork() {
        List<String> lines = events(20);
        TrustedState state = stored(lines, 20, 4);
        List<String> other = new ArrayList<>(lines);
        other.set(3, event(40, "{\"n\":3,\"note\":\"the other history\"}"));

        Verdict verdict = LogVerifier.update(state, head(other, 20), LogCheckpointTest.KEY.getPublic(), null, null);

        assertThat(verdict.failure()).isEqualTo(Tampering.FORK);
        assertThat(verdict.report()).startsWith("FORK " + ORIGIN + " at size 20: the stored head of the same size has "
                + "root ");
        assertThat(state.head(ORIGIN).rootHash()).isEqualTo(new ReferenceLog(inputs(lines)).root(20));
    }

    @Test
    void aHeadWithoutAProofForTheStoredSizeOrOlderThanTheStoredOneIsRefused() {
        List<String> lines = events(50);
        TrustedState state = stored(lines, 20, 4);
        var key = LogCheckpointTest.KEY.getPublic();

        assertThat(LogVerifier.update(state, head(lines, 50), key, null, null).report())
                .contains("a consistency proof from the stored head's size 20 is needed");
        assertThat(LogVerifier.update(state, head(lines, 50), key, consistency(lines, 19, 50), null).report())
                .contains("the consistency proof is for " + ORIGIN + " from size 19 to 50, not from the stored size 20");
        assertThat(LogVerifier.update(state, head(lines, 12), key, null, null).report())
                .contains("older than the stored head of size 20");
        assertThat(LogVerifier.update(state, head(lines, 50), LogCheckpointTest.newKey().getPublic(),
                consistency(lines, 20, 50), null).report()).contains("no valid signature by key " + ORIGIN + "+");
        assertThat(state.head(ORIGIN).treeSize()).isEqualTo(20);
    }

    @Test
    void aChangedEventBelowTheStoredHeadIsNamedByItsPosition() throws IOException {
        List<String> lines = events(20);
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(9, event(100, "{\"n\":9,\"note\":\"changed\"}"));

        assertThat(rewrite(lines, tampered, 1)).contains("the first difference is leaf 9: at position 100 ");
        assertThat(rewrite(lines, tampered, 4))
                .contains("the first difference is in leaves 8 to 11: at position 90 or after it, up to position 120");
    }

    @Test
    void aRemovedEventBelowTheStoredHeadIsNamedByThePositionThatTookItsPlace() throws IOException {
        List<String> lines = events(20);
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(9);

        assertThat(rewrite(lines, tampered, 1)).contains("leaf 9: at position 110 ");
    }

    @Test
    void anInsertedEventBelowTheStoredHeadIsNamedByItsPosition() throws IOException {
        List<String> lines = events(20);
        List<String> tampered = new ArrayList<>(lines);
        tampered.add(9, event(95, "{\"n\":95,\"note\":\"inserted\"}"));

        assertThat(rewrite(lines, tampered, 1)).contains("leaf 9: at position 95 ");
    }

    @Test
    void twoReorderedEventsBelowTheStoredHeadAreNamedByTheFirstPosition() throws IOException {
        List<String> lines = events(20);
        List<String> tampered = new ArrayList<>(lines);
        // positions are not hashed: the contents swap places, the positions still ascend, every chain still holds
        tampered.set(9, lines.get(10).replace("\"position\":110", "\"position\":100"));
        tampered.set(10, lines.get(9).replace("\"position\":100", "\"position\":110"));
        assertThat(ExportVerifier.verify(reader(tampered)).intact()).isTrue();

        assertThat(rewrite(lines, tampered, 1)).contains("leaf 9: at position 100 ");
    }

    @Test
    void anExportCutShortBelowTheStoredHeadIsNamed() throws IOException {
        List<String> lines = events(20);
        assertThat(rewrite(lines, lines.subList(0, 15), 4))
                .contains("the export holds 15 events, fewer than the 20 leaves of the stored head")
                .contains("in leaves 12 to 15: at position 130 or after it, up to position 150");
    }

    @Test
    void anEventStoredBeforeTheHashChainIsALeafOf32ZeroBytesAsTheServerAppendsIt() throws IOException {
        List<String> lines = new ArrayList<>(events(6));
        String first = lines.get(0);
        lines.set(0, first.substring(0, first.indexOf(",\"previousHash\"")) + ",\"previousHash\":null,\"hash\":null}");
        List<byte[]> inputs = inputs(lines.subList(1, 6));
        inputs.add(0, new byte[32]);
        LogCheckpoint head = LogCheckpoint.parse(LogCheckpointTest.signed(ORIGIN, 6, new ReferenceLog(inputs).root(6)));

        Verdict verdict = LogVerifier.update(TrustedState.empty(), head, LogCheckpointTest.KEY.getPublic(), null,
                export(lines, 4, 6));

        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("note: 1 events were stored before the hash chain existed");
    }

    /** The report of presenting the stored head again with a tampered export (as a superuser would rewrite it). */
    private static String rewrite(List<String> lines, List<String> tampered, long blockSize) throws IOException {
        assertThat(ExportVerifier.verify(reader(tampered)).intact()).as("the chains alone see nothing").isTrue();
        TrustedState state = stored(lines, 20, blockSize);
        Verdict verdict = LogVerifier.update(state, head(lines, 20), LogCheckpointTest.KEY.getPublic(), null,
                export(tampered, blockSize, 20));
        assertThat(verdict.failure()).isEqualTo(Tampering.REWRITTEN);
        assertThat(verdict.report()).startsWith("REWRITTEN below the stored head of size 20: ");
        return verdict.report();
    }

    /** {@code count} events at positions 10, 20, …, each the first of its own stream. */
    static List<String> events(int count) {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            lines.add(event(10L * (n + 1), "{\"n\":" + n + "}"));
        }
        return lines;
    }

    static String event(long position, String payload) {
        return ExportLines.line(position, "S-" + position, 0, payload, new HashMap<>());
    }

    static List<byte[]> inputs(List<String> lines) {
        List<byte[]> inputs = new ArrayList<>();
        for (String line : lines) {
            String hash = line.substring(line.indexOf("\"hash\":\"") + 8, line.indexOf("\"hash\":\"") + 8 + 64);
            inputs.add(HexFormat.of().parseHex(hash));
        }
        return inputs;
    }

    static LogCheckpoint head(List<String> lines, int size) {
        return LogCheckpoint.parse(note(lines, size));
    }

    static String note(List<String> lines, int size) {
        return LogCheckpointTest.signed(ORIGIN, size, new ReferenceLog(inputs(lines)).root(size));
    }

    static ConsistencyProof consistency(List<String> lines, int from, int to) {
        return new ConsistencyProof(ORIGIN, from, to, new ReferenceLog(inputs(lines)).consistency(from, to));
    }

    static LogExport export(List<String> lines, long blockSize, long... sizes) throws IOException {
        return LogExport.read(reader(lines), blockSize, sizes);
    }

    private static TrustedState stored(List<String> lines, int size, long blockSize) {
        TrustedState state = TrustedState.empty();
        try {
            Verdict first = LogVerifier.update(state, head(lines, size), LogCheckpointTest.KEY.getPublic(), null,
                    export(lines, blockSize, size));
            assertThat(first.intact()).as(first.report()).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return state;
    }

    private static BufferedReader reader(List<String> lines) {
        return new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
    }
}
