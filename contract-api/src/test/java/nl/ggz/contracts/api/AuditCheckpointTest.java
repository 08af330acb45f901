package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.eventstore.checkpoint.AuditCheckpointSchedule;
import nl.ggz.contracts.eventstore.checkpoint.AuditCheckpoints;
import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.CheckpointFile;
import nl.ggz.contracts.audit.CheckpointSignature;
import nl.ggz.contracts.audit.ExportVerifier;
import nl.ggz.contracts.audit.Tampering;
import nl.ggz.contracts.audit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed checkpoints on a real event store: taken through the API, checked by the offline verifier against an
 * unfiltered export, and failing once a chain is rewritten in the database so well that every hash matches again.
 */
class AuditCheckpointTest extends ApplicationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private AuditCheckpoints checkpoints;

    @Value("${ggz.embedded-postgres.data-directory}")
    private String dataDirectory;

    private SuperuserTampering tampering;

    @BeforeEach
    void tampering() {
        tampering = new SuperuserTampering(dataSource);
    }

    @Test
    void aCheckpointTakenAfterALifecycleVerifiesAgainstAnUnfilteredExport() {
        String contractId = contractWithFourDeclarations("K");
        long lastEvent = eventPosition(ceilingOf(contractId), 4);

        Api.Response taken = api.post("/api/audit/checkpoints", Map.of());
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(201);
        JsonNode body = taken.body();
        assertThat(body.path("upToPosition").asLong()).isGreaterThanOrEqualTo(lastEvent);
        assertThat(body.path("events").asLong()).isEqualTo(eventsUpTo(body.path("upToPosition").asLong()));
        assertThat(body.path("merkleRoot").asText()).matches("[0-9a-f]{64}");
        assertThat(body.path("keyId").asText()).isEqualTo(CheckpointSignature.keyId(publicKey()));
        Checkpoint checkpoint = listed(body.path("id").asLong());

        Verdict verdict = verify(exportAll(), checkpoint);
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).contains("CHECKPOINT " + checkpoint.id() + " OK: up to position "
                + checkpoint.upToPosition() + ", " + checkpoint.events() + " events in " + checkpoint.streams()
                + " streams");
    }

    @Test
    void aChainRewrittenAfterACheckpointFailsItThoughEveryHashMatchesAgain() {
        String contractId = contractWithFourDeclarations("K");
        String ceiling = ceilingOf(contractId);
        Checkpoint checkpoint = listed(api.post("/api/audit/checkpoints", Map.of()).body().path("id").asLong());

        rewriteFromSequence2(ceiling);

        String export = exportAll();
        Verdict chainsOnly = verify(export);
        assertThat(chainsOnly.intact()).as("the rewrite is consistent: %s", chainsOnly.report()).isTrue();
        Verdict verdict = verify(export, checkpoint);
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.CHECKPOINT);
        assertThat(verdict.report()).startsWith("CHECKPOINT " + checkpoint.id() + ": root differs: the history up to "
                + "position " + checkpoint.upToPosition() + " was rewritten or is incomplete");
    }

    @Test
    void theCheckpointRecordRefusesUpdateDeleteAndTruncate() {
        signedContract(newInsurer(), 1_000);
        long id = checkpoints.take().id();
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_checkpoint SET events = events + 1 WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_checkpoint"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(checkpoints.find(id)).isPresent();
    }

    @Test
    void theScheduledCheckpointIsSkippedWhenNothingWasWrittenSinceTheLast() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?", Long.class,
                AuditCheckpointSchedule.NAME)).isEqualTo(1);
        String contractId = offer(newInsurer(), 1_000);
        long offered = jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, contractId);

        assertThat(checkpoints.takeIfNew()).hasValueSatisfying(
                checkpoint -> assertThat(checkpoint.upToPosition()).isGreaterThanOrEqualTo(offered));
        assertThat(checkpoints.takeIfNew()).isEmpty();
    }

    @Test
    void thePublicKeyIsServedAsPemAndItsPrivateKeyKeptNextToTheDataFolderForItsOwnerOnly() throws IOException {
        Api.Text pem = api.getText("/api/audit/public-key", null);
        assertThat(pem.status()).isEqualTo(200);
        assertThat(pem.contentType()).startsWith("application/x-pem-file");
        assertThat(pem.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(pem.header("X-Audit-Key-Id")).isEqualTo(CheckpointSignature.keyId(publicKey()));

        Path privateKey = Path.of(dataDirectory).toAbsolutePath().getParent().resolve("audit-signing-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey))).isEqualTo("rw-------");
    }

    @Test
    void anUnknownCheckpointIsNotFound() {
        Api.Response missing = api.get("/api/audit/checkpoints/999999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("detail")).isEqualTo("no checkpoint with id 999999999");
    }

    /** The checkpoint as GET /api/audit/checkpoints lists it, read as the verifier reads the file. */
    private Checkpoint listed(long id) {
        Api.Text list = api.getText("/api/audit/checkpoints", null);
        assertThat(list.status()).isEqualTo(200);
        try {
            return CheckpointFile.read(new StringReader(list.body())).stream().filter(c -> c.id() == id).findFirst()
                    .orElseThrow(() -> new AssertionError("checkpoint " + id + " is not listed: " + list.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PublicKey publicKey() {
        return CheckpointSignature.publicKey(api.getText("/api/audit/public-key", null).body());
    }

    /** Everything, from the start: what a checkpoint is checked against. */
    private String exportAll() {
        Api.Text answer = api.getText("/api/audit/events", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private Verdict verify(String export, Checkpoint... checkpointsToCheck) {
        try {
            BufferedReader lines = new BufferedReader(new StringReader(export));
            return checkpointsToCheck.length == 0 ? ExportVerifier.verify(lines)
                    : ExportVerifier.verify(lines, List.of(checkpointsToCheck), publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long eventsUpTo(long position) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class,
                position);
    }

    /**
     * What a superuser could do to hide a change: disable the append-only trigger, change the declaration id of
     * sequence 2 (V-… becomes W-…), and recompute that event's hash and every hash after it in the stream, so that the
     * chain is whole again. The rows are kept aside first and put back after the test.
     */
    private void rewriteFromSequence2(String aggregateId) {
        tampering.change(aggregateId, connection -> {
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE domainevententry SET payload = overlay(payload PLACING "
                        + "'W'::bytea FROM position('K-2-'::bytea IN payload) FOR 1) WHERE aggregateidentifier = '"
                        + aggregateId + "' AND sequencenumber = 2 AND position('K-2-'::bytea IN payload) > 0"))
                        .isEqualTo(1);
            }
            SuperuserTampering.rehashFrom(connection, aggregateId, 2);
        });
    }

    @AfterEach
    void putBackWhatWasRewritten() {
        tampering.putBack();
    }
}
