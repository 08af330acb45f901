package nl.ggz.contracts.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented command: files in, a report out, exit 0 / 1 / 2. */
class VerifyExportTest {

    @TempDir
    Path folder;

    @Test
    void anExportWithItsCheckpointsAndPublicKeyExitsZero() throws IOException {
        Path export = write("export.ndjson", String.join("\n", ExportLines.sample()) + "\n");
        Path checkpoints = write("checkpoints.json", json(CheckpointVerificationTest.checkpoint(1, ExportLines.sample(), 7)));
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic()));

        Run run = run(export.toString(), "--checkpoints", checkpoints.toString(), "--public-key", key.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("OK: 7 events in 2 streams, chains intact").contains("CHECKPOINT 1 OK");
    }

    @Test
    void aCheckpointThatDoesNotHoldExitsOne() throws IOException {
        List<String> lines = ExportLines.sample();
        Path export = write("export.ndjson", String.join("\n", lines.subList(0, 6)) + "\n");
        Path checkpoints = write("checkpoints.json", json(CheckpointVerificationTest.checkpoint(1, lines, 7)));
        Path key = write("public.pem", CheckpointSignature.publicKeyPem(CheckpointVerificationTest.KEY.getPublic()));

        Run run = run(export.toString(), "--public-key", key.toString(), "--checkpoints", checkpoints.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("CHECKPOINT 1: position 7 is beyond the end of the export");
    }

    @Test
    void checkpointsWithoutAPublicKeyAreWrongUse() throws IOException {
        Path export = write("export.ndjson", String.join("\n", ExportLines.sample()) + "\n");
        assertThat(run(export.toString(), "--checkpoints", "c.json").exit()).isEqualTo(2);
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run(export.toString(), "--public-key", "k.pem", "--checkpoints", "missing.json").exit())
                .isEqualTo(2);
    }

    /** As GET /api/audit/checkpoints writes one checkpoint. */
    private static String json(Checkpoint checkpoint) {
        return "[{\"id\":" + checkpoint.id() + ",\"createdAt\":\"" + checkpoint.createdAt() + "\",\"upToPosition\":"
                + checkpoint.upToPosition() + ",\"events\":" + checkpoint.events() + ",\"streams\":"
                + checkpoint.streams() + ",\"merkleRoot\":\"" + HexFormat.of().formatHex(checkpoint.merkleRoot())
                + "\",\"keyId\":\"" + checkpoint.keyId() + "\",\"signature\":\""
                + Base64.getEncoder().encodeToString(checkpoint.signature()) + "\"}]";
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
