package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ggz.contracts.audit.BundleLayout;
import nl.ggz.contracts.audit.BundleVerifier;
import nl.ggz.contracts.audit.CheckpointSignature;
import nl.ggz.contracts.audit.Tampering;
import nl.ggz.contracts.audit.TrustedState;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import nl.ggz.contracts.eventstore.log.SignedNote;
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

    @Autowired
    private AuditSigningKey signingKey;

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
        assertThat(manifest.path("format").asText()).isEqualTo("ggz-audit-bundle/2");
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
        assertThat(verdict.report()).doesNotContain("warning").contains("COMPLETE OK: the ");

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
    void aStreamRewrittenInTheDatabaseAfterItsCheckpointIsNamedByTheEventThatNoLongerIsItsLeaf() throws Exception {
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
        // the insurer's log still has the leaf appended before the rewrite: the changed event is named (the heads'
        // proofs would fail as well, each covering every other head, but name no event)
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.REWRITTEN);
        assertThat(verdict.lines()).hasSize(1);
        assertThat(verdict.report()).startsWith("REWRITTEN: the event at position " + eventPosition(ceiling, 2)
                + " (aggregate " + ceiling + ", sequence 2) is not the leaf the log appended there");
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
                + "insurer, year and since");
        cases.put("insurer=7095&year=" + YEAR + "&since=0", "since is the size of the insurer's log head received "
                + "last, a whole number of 1 or more, got '0'");
        cases.put("insurer=7095&year=" + YEAR + "&since=-3", "a whole number of 1 or more, got '-3'");
        cases.put("insurer=7095&year=" + YEAR + "&since=", "since is required");
        cases.put("insurer=7095&year=" + YEAR + "&since=1&since=2", "since is given 2 times");
        cases.put("insurer=7095&year=" + YEAR + "&since=999999999999999999", "since is 999999999999999999, but "
                + "the insurer's log head of this bundle has ");
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

    @Test
    void aBundleShowsTheInsurersStreamsOutsideItsYearByTheirFirstEventsAndProvesItselfComplete() throws Exception {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = contractOf(insurer, "Y");
        String policy = insurer + "-" + YEAR;
        long leaves = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (?, ?, ?)",
                Long.class, contractId, ceilingOf(contractId), policy);

        // the year after: the contract of this year, its ceiling and this year's policy lie outside it
        Bundle next = bundle(insurer, YEAR + 1);
        assertThat(next.text(BundleLayout.EVENTS)).isEmpty();
        assertThat(next.text(BundleLayout.FIRST_EVENTS).lines().map(l -> json(l).path("aggregateId").asText()))
                .containsExactlyInAnyOrder(contractId, ceilingOf(contractId), policy);
        assertThat(next.text(BundleLayout.LOG_CHECKPOINT)).startsWith("ggz-contracts/log/insurer/" + insurer + "\n"
                + leaves + "\n");
        assertThat(next.text(BundleLayout.LOG_LEAVES).lines()).hasSize((int) leaves);
        assertThat(json(next.text(BundleLayout.MANIFEST)).path("outOfScope")).hasSize(3);
        Verdict outside = verify(next.files(), publicKey());
        assertThat(outside.intact()).as(outside.report()).isTrue();
        assertThat(outside.report()).contains("COMPLETE OK: the " + leaves + " leaves of ggz-contracts/log/insurer/"
                + insurer + " up to its head are the 0 events of the bundle and " + leaves + " events of 3 streams "
                + "outside " + (YEAR + 1));

        Bundle same = bundle(insurer, YEAR);
        assertThat(same.text(BundleLayout.FIRST_EVENTS)).isEmpty();
        Verdict inside = verify(same.files(), publicKey());
        assertThat(inside.intact()).as(inside.report()).isTrue();
        assertThat(inside.report()).contains("are the " + leaves + " events of the bundle and 0 events of 0 streams");
    }

    @Test
    void anEventLeftOutOfTheBundleWithTheManifestFixedUpFailsCompletenessNamingItsPosition() throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "M");
        String ceiling = ceilingOf(contractId);
        long removed = eventPosition(ceiling, 2);
        Map<String, byte[]> files = bundle(insurer, YEAR).files();
        Map<String, byte[]> without = fixedUp(replaced(files, BundleLayout.EVENTS, text -> String.join("", text
                .lines().filter(l -> json(l).path("position").asLong() != removed).map(l -> l + "\n").toList())));
        assertThat(new String(without.get(BundleLayout.EVENTS), StandardCharsets.UTF_8)).doesNotContain("\"M-2-");

        Verdict verdict = verify(without, publicKey());
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.INCOMPLETE);
        assertThat(verdict.report()).startsWith("INCOMPLETE: the insurer's event at position " + removed
                + " (aggregate " + ceiling + ", sequence 2; leaf ").contains(" is not in the bundle: events.ndjson "
                + "lacks it, and first-events.ndjson does not show its stream outside " + YEAR);
    }

    @Test
    void aWholeStreamLeftOutOfTheBundleBySuperuserFailsCompletenessAtItsFirstEvent() throws Exception {
        String insurer = newInsurer();
        String kept = contractOf(insurer, "K");
        String dropped = contractOf(insurer, "D");
        long first = eventPosition(dropped, 0);
        Bundle intact = bundle(insurer, YEAR);
        // a superuser takes the contract off the insurer's list of streams: the bundle no longer finds it
        superuser("DELETE FROM audit_log_stream WHERE aggregate_id = '" + dropped + "'", "audit_log_stream");
        try {
            Bundle bundle = bundle(insurer, YEAR);
            assertThat(bundle.text(BundleLayout.EVENTS)).contains(kept).doesNotContain("\"aggregateId\":\"" + dropped + "\",");
            assertThat(bundle.text(BundleLayout.LOG_LEAVES)).isEqualTo(intact.text(BundleLayout.LOG_LEAVES));
            Verdict verdict = verify(bundle.files(), publicKey());
            assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.INCOMPLETE);
            assertThat(verdict.report()).startsWith("INCOMPLETE: the insurer's event at position " + first
                    + " (aggregate " + dropped + ", sequence 0; leaf ");
        } finally {
            superuser("INSERT INTO audit_log_stream (aggregate_id, insurer) VALUES ('" + dropped + "', '" + insurer
                    + "')", "audit_log_stream");
        }
    }

    @Test
    void aBundleWithAConsistencyProofFromTheHeadReceivedBeforeExtendsItInTheStateAndAForkedHeadFails()
            throws Exception {
        String insurer = newInsurer();
        String contractId = contractOf(insurer, "S");
        TrustedState state = TrustedState.empty();
        Bundle first = bundle(insurer, YEAR);
        Verdict accepted = verify(first.files(), publicKey(), state);
        assertThat(accepted.intact()).as(accepted.report()).isTrue();
        long size = state.head("ggz-contracts/log/insurer/" + insurer).treeSize();
        assertThat(accepted.report()).contains("LOG OK: ggz-contracts/log/insurer/" + insurer + " at size " + size
                + ", root ", "trusted on first use");

        assertThat(declare(declaration("S-5-" + contractId, contractId, 2_005)).status()).isEqualTo(200);
        Bundle later = bundle(insurer, YEAR, "&since=" + size);
        JsonNode proof = json(later.text(BundleLayout.LOG_CONSISTENCY));
        assertThat(proof.path("fromSize").asLong()).isEqualTo(size);
        assertThat(proof.path("toSize").asLong()).isEqualTo(size + 1);
        Verdict extended = verify(later.files(), publicKey(), state);
        assertThat(extended.intact()).as(extended.report()).isTrue();
        assertThat(extended.report()).contains("a consistent extension of the stored head of size " + size);
        assertThat(state.head("ggz-contracts/log/insurer/" + insurer).treeSize()).isEqualTo(size + 1);

        // another head of the same size, signed with the installation's key: the log shows two histories
        String origin = "ggz-contracts/log/insurer/" + insurer;
        String forged = SignedNote.sign(SignedNote.body(origin, size + 1, new byte[32]), origin,
                signingKey.keyPair().getPrivate(), signingKey.keyPair().getPublic());
        Verdict fork = verify(replaced(later.files(), BundleLayout.LOG_CHECKPOINT, text -> forged), publicKey(),
                state);
        assertThat(fork.failure()).as(fork.report()).isEqualTo(Tampering.FORK);
        assertThat(fork.report()).startsWith("FORK " + origin + " at size " + (size + 1) + ": the stored head of the "
                + "same size has root ");
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
        return bundle(insurer, year, "");
    }

    private Bundle bundle(String insurer, int year, String more) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/bundle?insurer=" + insurer + "&year=" + year + more))
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
        return verify(files, key, null);
    }

    private Verdict verify(Map<String, byte[]> files, PublicKey key, TrustedState state) throws IOException {
        Path archive = Files.createTempFile(folder, "bundle-", ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        Files.write(archive, bytes.toByteArray());
        return BundleVerifier.verify(archive, key, state);
    }

    private static Map<String, byte[]> replaced(Map<String, byte[]> files, String name, UnaryOperator<String> change) {
        Map<String, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(name, change.apply(new String(files.get(name), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        return copy;
    }

    /** The manifest made to match the events again: checksum, counts and positions. */
    private static Map<String, byte[]> fixedUp(Map<String, byte[]> files) throws Exception {
        String events = new String(files.get(BundleLayout.EVENTS), StandardCharsets.UTF_8);
        List<JsonNode> lines = events.lines().map(AuditBundleTest::json).toList();
        String checksum = sha256(files.get(BundleLayout.EVENTS));
        return replaced(files, BundleLayout.MANIFEST, text -> {
            ObjectNode manifest = (ObjectNode) json(text);
            manifest.put("eventsSha256", checksum);
            manifest.put("eventCount", lines.size());
            ObjectNode byType = manifest.putObject("eventsByType");
            Map<String, Long> counts = new TreeMap<>();
            lines.forEach(line -> counts.merge(line.path("eventType").asText(), 1L, Long::sum));
            counts.forEach(byType::put);
            manifest.put("firstPosition", lines.get(0).path("position").asLong());
            manifest.put("lastPosition", lines.get(lines.size() - 1).path("position").asLong());
            return manifest.toPrettyString();
        });
    }

    /** A statement only a superuser can run past the append-only trigger of the table. */
    private void superuser(String sql, String table) {
        jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER " + table + "_append_only");
        try {
            assertThat(jdbc.update(sql)).as(sql).isEqualTo(1);
        } finally {
            jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER " + table + "_append_only");
        }
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
