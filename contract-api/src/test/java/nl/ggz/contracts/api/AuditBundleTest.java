package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ggz.contracts.audit.BundleLayout;
import nl.ggz.contracts.audit.BundleVerifier;
import nl.ggz.contracts.audit.CheckpointSignature;
import nl.ggz.contracts.audit.Tampering;
import nl.ggz.contracts.audit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/audit/bundle: one archive per insurer and year for the NZa — the events, the signed checkpoint that covers
 * them, the public key and a manifest with each stream's head proved in the signed root — checked by the offline
 * verifier in-process, also after the events or the database were tampered with.
 */
class AuditBundleTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DataSource dataSource;

    @TempDir
    Path folder;

    private SuperuserTampering tampering;

    @BeforeEach
    void tampering() {
        tampering = new SuperuserTampering(dataSource);
    }

    @AfterEach
    void putBackWhatWasRewritten() {
        tampering.putBack();
    }

    @Test
    void theBundleOfAnInsurersYearHoldsExactlyItsEventsInStoredOrderWithTheirMetadata() throws Exception {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = contractOf(insurer, "B");
        signedContract(newInsurer(), 1_000);

        Bundle bundle = bundle(insurer, YEAR);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).isEqualTo("application/zip");
        assertThat(bundle.disposition()).isEqualTo("attachment; filename=ggz-audit-" + insurer + "-" + YEAR + ".zip");
        assertThat(bundle.files().keySet()).containsExactlyElementsOf(BundleLayout.FILES);

        // exactly what the export gives for the insurer and year (nothing was written since)
        String events = bundle.text(BundleLayout.EVENTS);
        assertThat(events).isEqualTo(api.getText("/api/audit/events?insurer=" + insurer + "&year=" + YEAR, null).body());
        List<JsonNode> lines = events.lines().map(AuditBundleTest::json).toList();
        String ceiling = ceilingOf(contractId);
        String policy = insurer + "-" + YEAR;
        assertThat(lines).map(l -> l.path("eventId").asText()).isEqualTo(jdbc.queryForList("SELECT eventidentifier "
                + "FROM domainevententry WHERE aggregateidentifier IN (?, ?, ?) ORDER BY globalindex", String.class,
                contractId, ceiling, policy));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("metadata").path("principal").asText()).isNotBlank();
            assertThat(line.path("metadata").path("correlationId").asText()).isNotBlank();
            assertThat(line.path("hash").asText()).matches("[0-9a-f]{64}");
        });

        JsonNode checkpoint = json(bundle.text(BundleLayout.CHECKPOINT));
        JsonNode manifest = json(bundle.text(BundleLayout.MANIFEST));
        long last = lines.get(lines.size() - 1).path("position").asLong();
        assertThat(checkpoint.path("upToPosition").asLong()).isGreaterThanOrEqualTo(last);
        assertThat(manifest.path("format").asText()).isEqualTo("ggz-audit-bundle/1");
        assertThat(manifest.path("insurer").asText()).isEqualTo(insurer);
        assertThat(manifest.path("year").asInt()).isEqualTo(YEAR);
        assertThat(manifest.path("eventCount").asLong()).isEqualTo(lines.size());
        assertThat(manifest.path("streamCount").asLong()).isEqualTo(3);
        assertThat(manifest.path("firstPosition").asLong()).isEqualTo(lines.get(0).path("position").asLong());
        assertThat(manifest.path("lastPosition").asLong()).isEqualTo(last);
        assertThat(manifest.path("eventsSha256").asText()).isEqualTo(sha256(bundle.files().get(BundleLayout.EVENTS)));
        Map<String, Long> byType = new TreeMap<>();
        lines.forEach(line -> byType.merge(line.path("eventType").asText(), 1L, Long::sum));
        assertThat(JSON.convertValue(manifest.path("eventsByType"), Map.class)).isEqualTo(toIntegers(byType));
        assertThat(byType.keySet()).anyMatch(type -> type.endsWith(".DeclarationRecorded"))
                .anyMatch(type -> type.endsWith(".ContractSigned"));
        assertThat(manifest.path("checkpoint").path("id").asLong()).isEqualTo(checkpoint.path("id").asLong());
        assertThat(manifest.path("checkpoint").path("upToPosition").asLong())
                .isEqualTo(checkpoint.path("upToPosition").asLong());
        assertThat(manifest.path("checkpoint").path("merkleRoot").asText())
                .isEqualTo(checkpoint.path("merkleRoot").asText());
        // one head per stream, in order of aggregate id: the stream's last stored event
        List<String> streams = new ArrayList<>();
        for (JsonNode stream : manifest.path("streams")) {
            String aggregateId = stream.path("aggregateId").asText();
            streams.add(aggregateId);
            Map<String, Object> head = jdbc.queryForMap("SELECT sequencenumber, encode(hash, 'hex') AS hash FROM "
                    + "domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", aggregateId);
            assertThat(stream.path("sequence").asLong()).isEqualTo(((Number) head.get("sequencenumber")).longValue());
            assertThat(stream.path("hash").asText()).isEqualTo(head.get("hash"));
            assertThat(stream.path("treeSize").asLong()).isPositive();
            assertThat(stream.path("auditPath")).allMatch(node -> node.asText().matches("[0-9a-f]{64}"));
        }
        assertThat(streams).containsExactlyInAnyOrder(contractId, ceiling, policy).isSorted();
        assertThat(bundle.text(BundleLayout.PUBLIC_KEY)).isEqualTo(api.getText("/api/audit/public-key", null).body());
        assertThat(bundle.text(BundleLayout.README)).contains("insurer " + insurer, "--bundle ggz-audit-" + insurer);
    }

    @Test
    void anotherInsurersEventsAreAbsentFromTheBundle() throws Exception {
        String insurer = newInsurer();
        String other = newInsurer();
        String own = contractOf(insurer, "O");
        String foreign = contractOf(other, "F");

        String events = bundle(insurer, YEAR).text(BundleLayout.EVENTS);
        assertThat(events).contains(own).doesNotContain(foreign);
        assertThat(events.lines().map(l -> json(l).path("aggregateId").asText()).distinct())
                .containsExactlyInAnyOrder(own, ceilingOf(own));
        assertThat(bundle(other, YEAR).text(BundleLayout.EVENTS)).contains(foreign).doesNotContain(own);
        // the year after: the one-year contract does not run then
        assertThat(bundle(insurer, YEAR + 1).text(BundleLayout.EVENTS)).isEmpty();
    }

    @Test
    void theBundleVerifiesOkWithTheOfflineVerifierAndTheInstallationsKey() throws Exception {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        contractOf(insurer, "OK");
        contractOf(insurer, "OK2");
        Bundle bundle = bundle(insurer, YEAR);
        long checkpointId = json(bundle.text(BundleLayout.CHECKPOINT)).path("id").asLong();

        Verdict verdict = verify(bundle.files(), publicKey());
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.lines().get(0)).isEqualTo("OK: bundle of insurer " + insurer + ", year " + YEAR + ": "
                + bundle.text(BundleLayout.EVENTS).lines().count() + " events in 5 streams, chains intact from "
                + "sequence 0");
        assertThat(verdict.lines().get(1)).startsWith("CHECKPOINT " + checkpointId + " OK: up to position ")
                .endsWith("(the key given)");
        assertThat(verdict.lines().get(2)).isEqualTo("HEADS OK: the last event of each of the 5 streams is in the "
                + "checkpoint's root (inclusion proofs)");
        assertThat(verdict.report()).doesNotContain("warning");

        Verdict bundledKeyOnly = verify(bundle.files(), null);
        assertThat(bundledKeyOnly.intact()).as(bundledKeyOnly.report()).isTrue();
        assertThat(bundledKeyOnly.report()).contains("(the key in the bundle)", "warning: checked with the public key "
                + "inside the bundle only");
    }

    @Test
    void oneByteChangedInTheBundledEventsIsReportedWithTheEventItChanged() throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "T");
        String ceiling = ceilingOf(contractId);
        Map<String, byte[]> files = bundle(insurer, YEAR).files();
        long second = eventPosition(ceiling, 2);
        // the declaration id T-2-… becomes T-9-…: one byte of events.ndjson
        Map<String, byte[]> tampered = replaced(files, BundleLayout.EVENTS, text -> text.replace("\"T-2-", "\"T-9-"));
        assertThat(tampered.get(BundleLayout.EVENTS)).hasSameSizeAs(files.get(BundleLayout.EVENTS))
                .isNotEqualTo(files.get(BundleLayout.EVENTS));

        Verdict verdict = verify(tampered, publicKey());
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.BUNDLE);
        assertThat(verdict.lines().get(0)).startsWith("BUNDLE: events.ndjson has SHA-256 ")
                .endsWith("the file was changed after the bundle was made");
        assertThat(verdict.lines().get(1)).isEqualTo("  the first event that does not hold: ALTERED at position "
                + second + " (aggregate " + ceiling + ", sequence 2): the hash does not match the event's content");

        // and with the manifest's checksum made to match, the chain still names the event
        String checksum = sha256(tampered.get(BundleLayout.EVENTS));
        Map<String, byte[]> covered = replaced(tampered, BundleLayout.MANIFEST, text -> text.replace(
                json(text).path("eventsSha256").asText(), checksum));
        Verdict chains = verify(covered, publicKey());
        assertThat(chains.failure()).as(chains.report()).isEqualTo(Tampering.ALTERED);
        assertThat(chains.report()).startsWith("ALTERED at position " + second + " (aggregate " + ceiling);
    }

    @Test
    void aStreamRewrittenInTheDatabaseAfterItsCheckpointFailsItsHeadsInclusionProof() throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "R");
        String ceiling = ceilingOf(contractId);
        long signed = json(bundle(insurer, YEAR).text(BundleLayout.CHECKPOINT)).path("id").asLong();

        // a superuser changes a declaration and recomputes the hashes after it: every chain is whole again
        tampering.change(ceiling, connection -> {
            try (Statement statement = connection.createStatement()) {
                assertThat(statement.executeUpdate("UPDATE domainevententry SET payload = overlay(payload PLACING "
                        + "'W'::bytea FROM position('R-2-'::bytea IN payload) FOR 1) WHERE aggregateidentifier = '"
                        + ceiling + "' AND sequencenumber = 2 AND position('R-2-'::bytea IN payload) > 0"))
                        .isEqualTo(1);
            }
            SuperuserTampering.rehashFrom(connection, ceiling, 2);
        });

        Bundle rewritten = bundle(insurer, YEAR);
        assertThat(json(rewritten.text(BundleLayout.CHECKPOINT)).path("id").asLong())
                .as("nothing new was written: the checkpoint signed before the rewrite still covers everything")
                .isEqualTo(signed);
        assertThat(rewritten.text(BundleLayout.EVENTS)).contains("\"W-2-");
        Verdict verdict = verify(rewritten.files(), publicKey());
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.HEAD);
        // any rewrite below the checkpoint fails every head's proof: each proof path covers every other head
        assertThat(verdict.lines()).containsExactly("HEAD of stream " + contractId + " (sequence 1): its inclusion "
                + "proof does not lead to the root of checkpoint " + signed + ": the history up to the checkpoint is "
                + "not what was signed (rewritten or cut short since, in this stream or in any other: a proof depends "
                + "on every head), or the proof was changed", "  the proofs of 2 of the 2 streams fail: " + contractId
                + ", " + ceiling);
    }

    @Test
    void aHeadWhoseProofDoesNotMatchTheRootIsReported() throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "P");
        Map<String, byte[]> files = bundle(insurer, YEAR).files();
        Map<String, byte[]> changed = replaced(files, BundleLayout.MANIFEST, text -> {
            ObjectNode manifest = (ObjectNode) json(text);
            for (JsonNode stream : manifest.path("streams")) {
                if (stream.path("aggregateId").asText().equals(contractId)) {
                    ArrayNode path = (ArrayNode) stream.path("auditPath");
                    String first = path.get(0).asText();
                    path.set(0, JSON.getNodeFactory().textNode((first.charAt(0) == '0' ? "1" : "0")
                            + first.substring(1)));
                }
            }
            return manifest.toPrettyString();
        });

        Verdict verdict = verify(changed, publicKey());
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.HEAD);
        assertThat(verdict.lines().get(0)).startsWith("HEAD of stream " + contractId + " (sequence ")
                .contains("its inclusion proof does not lead to the root of checkpoint");
        assertThat(verdict.lines().get(1)).isEqualTo("  the proofs of 1 of the 2 streams fail: " + contractId);
    }

    @Test
    void aBundleTakesAFreshCheckpointOnlyWhenTheLatestDoesNotCoverTheNewestEvent() throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "C");
        JsonNode first = json(bundle(insurer, YEAR).text(BundleLayout.CHECKPOINT));
        assertThat(first.path("upToPosition").asLong()).isGreaterThanOrEqualTo(eventPosition(ceilingOf(contractId), 4));
        long checkpoints = checkpointCount();

        JsonNode again = json(bundle(insurer, YEAR).text(BundleLayout.CHECKPOINT));
        assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(checkpointCount()).isEqualTo(checkpoints);

        assertThat(declare(declaration("C-5-" + contractId, contractId, 2_005)).status()).isEqualTo(200);
        Bundle after = bundle(insurer, YEAR);
        JsonNode fresh = json(after.text(BundleLayout.CHECKPOINT));
        assertThat(fresh.path("id").asLong()).isGreaterThan(first.path("id").asLong());
        assertThat(fresh.path("upToPosition").asLong()).isGreaterThanOrEqualTo(eventPosition(ceilingOf(contractId), 5));
        assertThat(after.text(BundleLayout.EVENTS)).contains("C-5-" + contractId);
    }

    @Test
    void badParametersAreA400ProblemAndStoreNothing() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "insurer is required");
        cases.put("year=" + YEAR, "insurer is required: the UZOVI code (four digits)");
        cases.put("insurer=&year=" + YEAR, "insurer is required");
        cases.put("insurer=7095", "year is required: the contract year (2000 to 2100)");
        cases.put("insurer=7095&year=", "year is required");
        cases.put("insurer=12&year=" + YEAR, "insurer: an insurer code (UZOVI) is four digits, got '12'");
        cases.put("insurer=7095&year=1999", "year is a contract year between 2000 and 2100, got '1999'");
        cases.put("insurer=7095&year=twenty", "year is a contract year between 2000 and 2100, got 'twenty'");
        cases.put("insurer=7095&year=" + YEAR + "&provider=94001234", "unknown parameter 'provider'; a bundle takes "
                + "insurer and year");
        cases.put("insurer=7095&insurer=3311&year=" + YEAR, "insurer is given 2 times");
        long events = eventCount();
        long checkpoints = checkpointCount();
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            Api.Text answer = api.getText("/api/audit/bundle?" + bad.getKey(), null);
            assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(answer.contentType()).as(bad.getKey()).startsWith("application/problem+json");
            assertThat(answer.header("Content-Disposition")).as(bad.getKey()).isNull();
            assertThat(answer.json().path("detail").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(checkpointCount()).isEqualTo(checkpoints);
    }

    /** A signed one-year contract of the insurer with four declarations {@code prefix-1-…} to {@code prefix-4-…}. */
    private String contractOf(String insurer, String prefix) {
        String contractId = signedContract(insurer, 1_000_000);
        for (int i = 1; i <= 4; i++) {
            assertThat(declare(declaration(prefix + "-" + i + "-" + contractId, contractId, 2_000 + i)).status())
                    .isEqualTo(200);
        }
        return contractId;
    }

    private record Bundle(int status, String contentType, String disposition, Map<String, byte[]> files) {
        String text(String name) {
            return new String(files.get(name), StandardCharsets.UTF_8);
        }
    }

    private Bundle bundle(String insurer, int year) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/bundle?insurer=" + insurer + "&year=" + year))
                .header("Authorization", "Bearer " + api.token(Api.Identity.regulator()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return new Bundle(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(null), files);
    }

    /** Writes the files as an archive and verifies it as the regulator would, with the key given or the bundled one. */
    private Verdict verify(Map<String, byte[]> files, PublicKey key) throws IOException {
        Path archive = Files.createTempFile(folder, "bundle-", ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        Files.write(archive, bytes.toByteArray());
        return BundleVerifier.verify(archive, key);
    }

    private static Map<String, byte[]> replaced(Map<String, byte[]> files, String name, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(name, change.apply(new String(files.get(name), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    private PublicKey publicKey() {
        return CheckpointSignature.publicKey(api.getText("/api/audit/public-key", null).body());
    }

    private long checkpointCount() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_checkpoint", Long.class);
    }

    private static Map<String, Integer> toIntegers(Map<String, Long> counts) {
        Map<String, Integer> integers = new TreeMap<>();
        counts.forEach((type, count) -> integers.put(type, count.intValue()));
        return integers;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
