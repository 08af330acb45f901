package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented log commands: {@code --state}, {@code --checkpoint}, {@code --consistency}, {@code --inclusion}. */
class VerifyLogCommandTest {

    private static final String ORIGIN = LogCheckpointTest.ORIGIN;

    @TempDir
    Path folder;

    @Test
    void theRegulatorStoresAHeadThenAcceptsOnlyAConsistentExtensionOfIt() throws IOException {
        List<String> lines = LogVerifierTest.events(50);
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(LogCheckpointTest.KEY.getPublic()));
        Path state = folder.resolve("nza-heads.json");

        Run first = run("--state", state.toString(), "--checkpoint",
                write("c20.txt", LogVerifierTest.note(lines, 20)).toString(), "--public-key", key.toString(),
                write("export20.ndjson", ndjson(lines.subList(0, 20))).toString());
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("OK: 20 events in 20 streams, chains intact")
                .contains("LOG OK: " + ORIGIN + " at size 20").contains("trusted on first use")
                .contains("STATE: " + state + " holds the head of " + ORIGIN + " at size 20");
        assertThat(Files.readString(state)).contains("\"treeSize\" : 20").contains("\"size\" : 1024");

        Run second = run("--state", state.toString(), "--checkpoint",
                write("c50.txt", LogVerifierTest.note(lines, 50)).toString(), "--public-key", key.toString(),
                "--consistency", write("p.json", consistencyJson(lines, 20, 50)).toString());
        assertThat(second.exit()).as(second.out()).isZero();
        assertThat(second.out()).contains("a consistent extension of the stored head of size 20");
        assertThat(Files.readString(state)).contains("\"treeSize\" : 50");

        List<String> forked = new ArrayList<>(lines);
        forked.set(30, LogVerifierTest.event(310, "{\"n\":30,\"note\":\"forked\"}"));
        String before = Files.readString(state);
        Run fork = run("--state", state.toString(), "--checkpoint",
                write("fork.txt", LogVerifierTest.note(forked, 50)).toString(), "--public-key", key.toString());
        assertThat(fork.exit()).isEqualTo(1);
        assertThat(fork.out()).startsWith("FORK " + ORIGIN + " at size 50");
        assertThat(Files.readString(state)).isEqualTo(before);
    }

    @Test
    void anExportRewrittenBelowTheStoredHeadIsRefusedNamingWhere() throws IOException {
        List<String> lines = LogVerifierTest.events(50);
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(LogCheckpointTest.KEY.getPublic()));
        Path state = folder.resolve("nza-heads.json");
        Path checkpoint = write("c50.txt", LogVerifierTest.note(lines, 50));
        assertThat(run("--state", state.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                key.toString()).exit()).isZero();

        List<String> rewritten = new ArrayList<>(lines);
        rewritten.set(9, LogVerifierTest.event(100, "{\"n\":9,\"note\":\"rewritten by a superuser\"}"));
        Run run = run("--state", state.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                key.toString(), write("export.ndjson", ndjson(rewritten)).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("OK: 50 events in 50 streams, chains intact")
                .contains("REWRITTEN below the stored head of size 50: the log recomputed from the export's first 50 "
                        + "events has root ")
                .contains("in leaves 0 to 49: at position 10 or after it, up to position 500");
    }

    @Test
    void anInclusionProofIsCheckedAgainstTheSignedHead() throws IOException {
        List<String> lines = LogVerifierTest.events(50);
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(LogCheckpointTest.KEY.getPublic()));
        Path checkpoint = write("c50.txt", LogVerifierTest.note(lines, 50));
        ReferenceLog log = new ReferenceLog(LogVerifierTest.inputs(lines));

        Run ok = run("--checkpoint", checkpoint.toString(), "--public-key", key.toString(), "--inclusion",
                write("i.json", inclusionJson(log.leafHash(9), log.path(9, 50))).toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).startsWith("INCLUSION OK: position 100 (leaf 9) in " + ORIGIN + " at size 50");

        Run wrong = run("--checkpoint", checkpoint.toString(), "--public-key", key.toString(), "--inclusion",
                write("j.json", inclusionJson(log.leafHash(10), log.path(9, 50))).toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).startsWith("INCLUSION position 100 (leaf 9) in " + ORIGIN + " at size 50: the proof "
                + "does not lead from the leaf to the signed root");
    }

    @Test
    void aHeadCosignedByTheWitnessAndTimestampedIsReportedSoOtherwiseTheStateIsLeftAsItWas() throws IOException {
        List<String> lines = LogVerifierTest.events(20);
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(LogCheckpointTest.KEY.getPublic()));
        Path witnesses = write("witnesses.vkey", "# the NZa's witness\n" + CosignatureTest.NZA.vkey() + "\n");
        String note = LogVerifierTest.note(lines, 20);
        String body = LogCheckpoint.parse(note).body();
        java.time.Instant at = java.time.Instant.parse("2026-12-04T10:15:30Z");
        Path cosigned = write("c20.txt", note + Cosignature.line(body, CosignatureTest.NZA,
                CosignatureTest.WITNESS.getPrivate(), at));
        TestTimestampAuthority tsa = new TestTimestampAuthority("Test TSA");
        Path token = Files.write(folder.resolve("c20.tsr"), tsa.reply(body));
        Path tsaCert = write("tsa.pem", tsa.certificatePem());
        Path state = folder.resolve("nza-heads.json");

        Run ok = run("--state", state.toString(), "--checkpoint", cosigned.toString(), "--public-key", key.toString(),
                "--witness-key", witnesses.toString(), "--timestamp", token.toString(), "--tsa-cert", tsaCert.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("LOG OK: " + ORIGIN + " at size 20")
                .contains("COSIGNED OK by nza.nl/witness at 2026-12-04T10:15:30Z: " + ORIGIN + " at size 20")
                .contains("TIMESTAMP OK: " + ORIGIN + " at size 20").contains("(genTime, signed by CN=Test TSA)")
                .contains("STATE: " + state);

        // the next head, not cosigned, and a token of the head before it: refused, the state kept
        String before = Files.readString(state);
        List<String> more = LogVerifierTest.events(30);
        Path next = write("c30.txt", LogVerifierTest.note(more, 30));
        Run uncosigned = run("--state", state.toString(), "--checkpoint", next.toString(), "--public-key",
                key.toString(), "--consistency", write("p.json", consistencyJson(more, 20, 30)).toString(),
                "--witness-key", witnesses.toString());
        assertThat(uncosigned.exit()).as(uncosigned.out()).isEqualTo(1);
        assertThat(uncosigned.out()).contains("COSIGNATURE " + ORIGIN + " at size 30: no cosignature of witness "
                + "nza.nl/witness");
        Run otherImprint = run("--checkpoint", next.toString(), "--public-key", key.toString(), "--timestamp",
                token.toString(), "--tsa-cert", tsaCert.toString());
        assertThat(otherImprint.exit()).isEqualTo(1);
        assertThat(otherImprint.out()).startsWith("TIMESTAMP " + ORIGIN + " at size 30: its message imprint is not "
                + "the SHA-256 of this checkpoint's note body");
        assertThat(Files.readString(state)).isEqualTo(before);

        // wrong use: a token without the TSA's certificate, a certificate that is none, a key file without keys
        assertThat(run("--checkpoint", cosigned.toString(), "--public-key", key.toString(), "--timestamp",
                token.toString()).exit()).isEqualTo(2);
        Run notACertificate = run("--checkpoint", cosigned.toString(), "--public-key", key.toString(), "--timestamp",
                token.toString(), "--tsa-cert", key.toString());
        assertThat(notACertificate.exit()).isEqualTo(2);
        assertThat(notACertificate.out()).contains("could not read " + key + ": not an X.509 certificate");
        Run noKeys = run("--checkpoint", cosigned.toString(), "--public-key", key.toString(), "--witness-key",
                write("empty.vkey", "# none\n").toString());
        assertThat(noKeys.exit()).isEqualTo(2);
    }

    @Test
    void theLogCommandsMisusedOrUnreadableExitTwo() throws IOException {
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(LogCheckpointTest.KEY.getPublic()));
        Path checkpoint = write("c.txt", LogVerifierTest.note(LogVerifierTest.events(3), 3));
        assertThat(run("--state", "s.json", "--public-key", key.toString()).exit()).isEqualTo(2);
        assertThat(run("--checkpoint", checkpoint.toString(), "--public-key", key.toString(), "--consistency", "p.json")
                .exit()).isEqualTo(2);
        assertThat(run("--state", "s.json", "--checkpoint", checkpoint.toString()).exit()).isEqualTo(2);
        Path badState = write("bad.json", "{\"heads\":{\"" + ORIGIN + "\":{\"treeSize\":-1}}}");
        Run bad = run("--state", badState.toString(), "--checkpoint", checkpoint.toString(), "--public-key",
                key.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("could not read " + badState + ": the head of " + ORIGIN + ": treeSize");
        Path notACheckpoint = write("n.txt", "hello\n");
        assertThat(run("--state", folder.resolve("s.json").toString(), "--checkpoint", notACheckpoint.toString(),
                "--public-key", key.toString()).exit()).isEqualTo(2);
    }

    private static String consistencyJson(List<String> lines, int from, int to) {
        return "{\"origin\":\"" + ORIGIN + "\",\"fromSize\":" + from + ",\"toSize\":" + to + ",\"hashes\":"
                + base64s(new ReferenceLog(LogVerifierTest.inputs(lines)).consistency(from, to)) + "}";
    }

    private static String inclusionJson(byte[] leafHash, List<byte[]> path) {
        return "{\"origin\":\"" + ORIGIN + "\",\"treeSize\":50,\"leafIndex\":9,\"position\":100,\"leafHash\":\""
                + Base64.getEncoder().encodeToString(leafHash) + "\",\"hashes\":" + base64s(path) + "}";
    }

    private static String base64s(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + Base64.getEncoder().encodeToString(h) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String ndjson(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
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
