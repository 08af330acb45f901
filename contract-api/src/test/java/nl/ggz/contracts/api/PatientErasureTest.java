package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api.Identity;
import nl.ggz.contracts.audit.BundleVerifier;
import nl.ggz.contracts.audit.CheckpointSignature;
import nl.ggz.contracts.audit.ExportVerifier;
import nl.ggz.contracts.audit.Verdict;
import nl.ggz.contracts.domain.privacy.OpenedPseudonym;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16 (AVG/GDPR art. 17): a patient pseudonym is erased by destroying its key (crypto-shredding). Afterwards it
 * can be read nowhere — not through the API, the regulator's export or bundle, nor in any table of the database —
 * while every figure stays as it was, the supplement rule (seed 002 §5.2) still counts the person, and the offline
 * verifier still finds every chain intact.
 */
class PatientErasureTest extends ApplicationTest {

    private static final String ERASURES = "/api/privacy/erasures";

    @Autowired
    PatientPseudonyms pseudonyms;

    @TempDir
    Path folder;

    @Test
    void anErasedPseudonymIsUnreadableEverywhereWhileFiguresSupplementsAndChainsStayAsTheyWere() throws Exception {
        String insurer = newInsurer();
        String contract = signedContract(insurer, newProvider(), 1_000_000);
        String other = signedContract(insurer, newProvider(), 1_000_000);
        String erased = "p-uitgewist-" + letters();
        String kept = "p-blijft-" + letters();
        // the erased person: two supplements (on two contracts) and a plain declaration; the other: one supplement
        assertThat(statuses(supplement("E-1", contract, erased), supplement("E-2", other, erased),
                line("E-3", contract, erased, "CO0142", 12_000), supplement("K-1", contract, kept)))
                .containsOnly("ACCEPTED");
        String ceiling = ceilingOf(contract);
        JsonNode ceilingBefore = api.get("/api/ceilings/" + ceiling).body();
        JsonNode otherBefore = api.get("/api/ceilings/" + ceilingOf(other)).body();
        SealedPseudonym stored = storedPseudonym("E-1");
        assertThat(pseudonyms.open(new InsurerCode(insurer), List.of(stored)).get(stored).patientRef())
                .isEqualTo(erased);

        Api.Response answer = api.as(Identity.privacyOfficer(insurer)).post(ERASURES,
                Map.of("insurerUzovi", insurer, "patientRef", erased));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("keyDestroyed").asBoolean()).isTrue();
        assertThat(answer.body().path("declarations").asInt()).isEqualTo(3);
        assertThat(answer.body().path("ceilings").toString()).contains("{\"ceilingId\":\"" + ceiling
                + "\",\"declarations\":2}", "{\"ceilingId\":\"" + ceilingOf(other) + "\",\"declarations\":1}");
        assertThat(answer.raw()).doesNotContain(erased);

        // (a) unreadable: the stored ciphertext opens no more; no table holds the pseudonym, nor does any answer
        assertThat(pseudonyms.open(new InsurerCode(insurer), List.of(stored)).get(stored))
                .isEqualTo(OpenedPseudonym.ERASED);
        assertThat(tablesHolding(erased)).isEmpty();
        assertThat(tablesHolding(kept)).isEmpty();
        String export = api.getText("/api/audit/events?contractId=" + contract, null).body();
        assertThat(export).contains("\"keyedHash\":\"" + stored.keyedHash()).doesNotContain(erased);
        Map<String, byte[]> bundle = bundle(insurer);
        bundle.values().forEach(file -> assertThat(new String(file, StandardCharsets.UTF_8)).doesNotContain(erased));
        // (b) the figures are those before the erasure
        assertThat(api.get("/api/ceilings/" + ceiling).body()).isEqualTo(ceilingBefore);
        assertThat(api.get("/api/ceilings/" + ceilingOf(other)).body()).isEqualTo(otherBefore);
        // (c) every chain verifies on an export and a bundle made after the erasure
        Verdict exported = ExportVerifier.verify(new BufferedReader(new StringReader(export)));
        assertThat(exported.intact()).as(exported.report()).isTrue();
        Verdict bundled = verify(bundle);
        assertThat(bundled.intact()).as(bundled.report()).isTrue();
        // (d) the supplement rule still counts both: the erased person (sent again) has had two, the other one
        assertThat(statuses(supplement("E-4", contract, erased))).containsExactly("REJECTED");
        assertThat(statuses(supplement("K-2", other, kept), supplement("K-3", contract, kept)))
                .containsExactly("ACCEPTED", "REJECTED");
        // the erasure is recorded without the pseudonym, with who asked
        Map<String, Object> event = jdbc.queryForMap("""
                SELECT convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata
                FROM domainevententry WHERE aggregateidentifier = ?""", answer.text("erasureId"));
        assertThat((String) event.get("payload")).contains(stored.keyedHash()).doesNotContain(erased);
        assertThat((String) event.get("metadata")).contains("privacy-officer-" + insurer);
    }

    @Test
    void aPseudonymDeclaredAgainAfterItsErasureGetsANewKeyAndTheOldDeclarationsStayErased() {
        String insurer = newInsurer();
        String contract = signedContract(insurer, newProvider(), 1_000_000);
        String person = "p-terug-" + letters();
        assertThat(statuses(line("R-1", contract, person, "CO0142", 1_000))).containsExactly("ACCEPTED");
        SealedPseudonym before = storedPseudonym("R-1");
        assertThat(api.as(Identity.operator()).post(ERASURES, Map.of("insurerUzovi", insurer, "patientRef", person))
                .status()).isEqualTo(200);

        assertThat(statuses(line("R-2", contract, person, "CO0142", 1_000))).containsExactly("ACCEPTED");

        SealedPseudonym after = storedPseudonym("R-2");
        assertThat(after.keyedHash()).isEqualTo(before.keyedHash());
        Map<SealedPseudonym, OpenedPseudonym> opened = pseudonyms.open(new InsurerCode(insurer), List.of(before, after));
        assertThat(opened.get(before)).isEqualTo(OpenedPseudonym.ERASED);
        assertThat(opened.get(after).patientRef()).isEqualTo(person);
    }

    @Test
    void anUnknownPseudonymIs404NamingNothingPersonalAndStoresNothing() {
        String insurer = newInsurer();
        String contract = signedContract(insurer, newProvider(), 1_000_000);
        assertThat(statuses(line("U-1", contract, "p-bekend-" + letters(), "CO0142", 1_000))).containsOnly("ACCEPTED");
        long events = eventCount();

        Api.Response answer = api.as(Identity.privacyOfficer(insurer)).post(ERASURES,
                Map.of("insurerUzovi", insurer, "patientRef", "p-onbekend-xyz"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.raw()).doesNotContain("p-onbekend-xyz");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aPrivacyOfficerErasesOnlyAtItsOwnInsurerAndOtherRolesNotAtAll() {
        String insurer = newInsurer();
        String competitor = newInsurer();
        String contract = signedContract(insurer, newProvider(), 1_000_000);
        String person = "p-ander-" + letters();
        assertThat(statuses(line("T-1", contract, person, "CO0142", 1_000))).containsOnly("ACCEPTED");
        long events = eventCount();
        Map<String, Object> body = Map.of("insurerUzovi", insurer, "patientRef", person);

        // another insurer's officer: 403 (the UZOVI is public, as for every act on behalf of an insurer)
        assertThat(api.as(Identity.privacyOfficer(competitor)).post(ERASURES, body).status()).isEqualTo(403);
        // naming its own insurer, it finds nothing of the other's person: 404, as for any unknown pseudonym
        assertThat(api.as(Identity.privacyOfficer(competitor)).post(ERASURES,
                Map.of("insurerUzovi", competitor, "patientRef", person)).status()).isEqualTo(404);
        assertThat(api.as(Identity.purchaser(insurer)).post(ERASURES, body).status()).isEqualTo(403);
        assertThat(api.as(Identity.claims(insurer)).post(ERASURES, body).status()).isEqualTo(403);
        assertThat(api.as(Identity.regulator()).post(ERASURES, body).status()).isEqualTo(403);
        assertThat(api.anonymous().post(ERASURES, body).status()).isEqualTo(401);
        assertThat(eventCount()).isEqualTo(events);
        SealedPseudonym stored = storedPseudonym("T-1");
        assertThat(pseudonyms.open(new InsurerCode(insurer), List.of(stored)).get(stored).patientRef())
                .isEqualTo(person);
        // a privacy officer sees no contract data
        assertThat(api.as(Identity.privacyOfficer(insurer)).get("/api/contracts/" + contract).status())
                .isEqualTo(403);
    }

    // --- helpers ---

    private List<String> statuses(Map<?, ?>... lines) {
        Api.Response answer = declare((Object[]) lines);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        answer.body().path("results").forEach(result -> statuses.add(result.path("status").asText()));
        return statuses;
    }

    private Map<String, Object> supplement(String id, String contract, String person) {
        return line(id, contract, person, "TOESLAGPD", 5_000);
    }

    private Map<String, Object> line(String id, String contract, String person, String prestatie, long cents) {
        Map<String, Object> line = declaration(id + "-" + UUID.randomUUID(), contract, cents);
        line.put("declarationId", id + "-" + contract);
        line.put("patientRef", person);
        line.put("prestatieCode", prestatie);
        return line;
    }

    /** Letters only: digits could pass the BSN eleven-test (PatientReference). */
    private static String letters() {
        return pseudonym(UUID.randomUUID().toString()).substring(2);
    }

    private SealedPseudonym storedPseudonym(String idPrefix) {
        return jdbc.queryForObject("SELECT patient_sealed, patient_hash FROM declaration_ledger "
                        + "WHERE declaration_id LIKE ? ORDER BY declaration_id LIMIT 1",
                (rs, n) -> SealedPseudonym.sealed(rs.getString(1), rs.getString(2)), idPrefix + "-%");
    }

    /**
     * Every table of the database whose rows, as text, hold the value: bytea columns (event payloads and metadata,
     * keys) read as escaped text, so that JSON stored as bytes is searched too.
     */
    private List<String> tablesHolding(String value) {
        List<String> holding = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name, c.ordinal_position""");
        Map<String, List<String>> texts = new java.util.TreeMap<>();
        for (Map<String, Object> column : columns) {
            String name = "\"" + column.get("column_name") + "\"";
            String text = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : name + "::text";
            texts.computeIfAbsent((String) column.get("table_name"), t -> new ArrayList<>()).add(text);
        }
        texts.forEach((table, parts) -> {
            Long rows = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE concat_ws('|', "
                    + String.join(", ", parts) + ") LIKE ?", Long.class, "%" + value + "%");
            if (rows != null && rows > 0) {
                holding.add(table);
            }
        });
        assertThat(texts).containsKeys("domainevententry", "declaration_ledger", "patient_key");
        return holding;
    }

    private Map<String, byte[]> bundle(String insurer) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/bundle?insurer=" + insurer + "&year=" + YEAR))
                .header("Authorization", "Bearer " + api.token(Identity.regulator()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    private Verdict verify(Map<String, byte[]> files) throws Exception {
        Path archive = Files.createTempFile(folder, "bundle-", ".zip");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        Files.write(archive, bytes.toByteArray());
        return BundleVerifier.verify(archive, CheckpointSignature.publicKey(
                api.getText("/api/audit/public-key", null).body()));
    }
}
