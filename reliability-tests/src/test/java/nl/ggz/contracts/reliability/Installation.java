package nl.ggz.contracts.reliability;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of an installation a scenario sets up through the HTTP API, as its users would (DESIGN.md §5): a
 * published policy, signed contracts, offers that expire; and what it reads back from the event store to count.
 */
final class Installation {

    static final int YEAR = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();
    /**
     * One contract per insurer, provider and year (seed 000): each contract of a scenario is made with a provider of its
     * own, which then acts on it ({@link #providerOf}).
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PROVIDER =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final Map<String, String> PROVIDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private Installation() {
    }

    static Path workDirectory(String scenario) {
        Path root = Path.of(System.getProperty("reliability.work-dir", "target/reliability"));
        Path directory = root.resolve(scenario);
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** A policy for this year whose increase window is open today. */
    static void publishPolicy(Client client, Tokens tokens, String insurer) {
        Client.Response policy = client.put("/api/policies/" + insurer + "/" + YEAR, Map.of(
                "increaseWindowStart", YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", YEAR + "-12-31T17:00:00+01:00"), tokens.purchaser(insurer));
        assertThat(policy.status()).as(policy.body().toString()).isEqualTo(200);
    }

    /** The provider a contract of this run was offered to. */
    static String providerOf(String contractId) {
        return PROVIDERS.get(contractId);
    }

    /** An offer to a provider of its own. */
    static Map<String, Object> offerBody(String insurer, long ceilingCents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("insurerUzovi", insurer);
        body.put("providerAgb", String.format("9400%04d", NEXT_PROVIDER.incrementAndGet()));
        body.put("providerType", "INSTITUTION");
        body.put("kind", "DIGITAL");
        body.put("termStart", YEAR + "-01-01");
        body.put("termEnd", YEAR + "-12-31");
        body.put("settings", List.of(2, 3));
        body.put("tariffPercentage", "92.50");
        body.put("ceilingCents", ceilingCents);
        return body;
    }

    /** Offered by the insurer's purchaser, signed by the provider: its ceiling of this year takes declarations. */
    static String signedContract(Client client, Tokens tokens, String insurer, long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, ceilingCents);
        Client.Response offered = client.post("/api/contracts", body, tokens.purchaser(insurer));
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");
        String provider = (String) body.get("providerAgb");
        PROVIDERS.put(contractId, provider);
        Client.Response signed = client.post("/api/contracts/" + contractId + "/signature",
                Map.of("signedBy", "dr. Jansen"), tokens.provider(provider));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

    /** An offer nobody signs: its expiry deadline is persisted (db-scheduler) and must fire once, at expiresAt. */
    static String expiringOffer(Client client, Tokens tokens, String insurer, Instant expiresAt) {
        Map<String, Object> body = offerBody(insurer, 1_000_000);
        body.put("offerExpiresAt", expiresAt.toString());
        Client.Response offered = client.post("/api/contracts", body, tokens.purchaser(insurer));
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        return offered.text("contractId");
    }

    static String ceilingOf(String contractId) {
        return contractId + "-" + YEAR;
    }

    /** One claims line; the amount follows from the id, so a repeat is the same declaration. */
    /**
     * A pseudonym for the line's person, of letters only: ids hold digits, and a pseudonym whose digits alone pass the
     * BSN eleven-test is refused (PatientReference).
     */
    static String pseudonym(String id) {
        StringBuilder letters = new StringBuilder("p-");
        for (char hex : java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "").substring(0, 12).toCharArray()) {
            letters.append((char) ('a' + Character.digit(hex, 16)));
        }
        return letters.toString();
    }

    static Map<String, Object> declaration(String id, String contractId, long amountCents) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("declarationId", id);
        line.put("contractId", contractId);
        line.put("treatmentDate", YEAR + "-03-15");
        line.put("setting", 2);
        line.put("prestatieCode", "CO0142");
        line.put("patientRef", pseudonym(id));
        line.put("amountCents", amountCents);
        return line;
    }

    static long amountOf(int n) {
        return 1_000 + n % 97;
    }

    /**
     * {@code count} batches of {@code size} distinct declarations, spread over the contracts' ceilings line by line
     * (every batch touches every hot ceiling).
     */
    static List<List<Map<String, Object>>> batches(String prefix, List<String> contracts, int count, int size) {
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < count; b++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < size; i++, n++) {
                lines.add(declaration(prefix + "-" + n, contracts.get(n % contracts.size()), amountOf(n)));
            }
            batches.add(lines);
        }
        return batches;
    }

    /** Expected declarations and cents per ceiling, from the distinct lines sent. */
    static Map<String, long[]> expected(List<List<Map<String, Object>>> batches) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        Map<String, Boolean> seen = new java.util.HashMap<>();
        for (List<Map<String, Object>> batch : batches) {
            for (Map<String, Object> line : batch) {
                if (seen.putIfAbsent((String) line.get("declarationId"), true) == null) {
                    long[] figures = expected.computeIfAbsent(ceilingOf((String) line.get("contractId")),
                            k -> new long[2]);
                    figures[0]++;
                    figures[1] += (Long) line.get("amountCents");
                }
            }
        }
        return expected;
    }

    static Map<String, Object> body(List<Map<String, Object>> batch) {
        return Map.of("declarations", batch);
    }

    /** The declaration events of a ceiling in the event store: how many, and how many distinct declaration ids. */
    static long[] recordedEvents(Database database, String ceilingId) {
        List<Object> row = database.query("SELECT count(*), count(DISTINCT convert_from(payload, 'UTF8')::jsonb "
                + "->> 'declarationId') FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE "
                + "'%DeclarationRecorded'", ceilingId).get(0);
        return new long[]{((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue()};
    }

    static long eventsOfType(Database database, String aggregateId, String type) {
        return database.count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype "
                + "LIKE ?", aggregateId, "%." + type);
    }

    /**
     * The ceiling's state table, its declaration events and its ledger rows, counted in one snapshot: a transaction
     * cut off half-way would leave them apart.
     */
    static long[] stateEventsLedger(Database database, String ceilingId) {
        List<Object> row = database.query("SELECT (SELECT declarations FROM ceiling_state WHERE ceiling_id = ?), "
                + "(SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE "
                + "'%DeclarationRecorded'), (SELECT count(*) FROM declaration_ledger WHERE ceiling_id = ? AND "
                + "amount_cents > 0)", ceilingId, ceilingId, ceilingId).get(0);
        return new long[]{((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(),
                ((Number) row.get(2)).longValue()};
    }

    static JsonNode monitoringRow(Client client, Tokens tokens, String insurer, String ceilingId) {
        JsonNode view = client.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR,
                tokens.purchaser(insurer)).body();
        for (JsonNode row : view.path("ceilings")) {
            if (row.path("ceilingId").asText().equals(ceilingId)) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The closing note's figures of one scenario, printed and kept in target/reliability/figures.md. */
    static void report(String scenario, long sent, long posted, long counted, long lost, long doubled,
                       Duration took, String notes) {
        String line = String.format("| %s | %,d | %,d | %,d | %,d | %,d | %.1f s | %s |%n", scenario, sent, posted,
                counted, lost, doubled, took.toMillis() / 1000.0, notes);
        System.out.print("FIGURES " + line);
        Path file = Path.of(System.getProperty("reliability.work-dir", "target/reliability")).resolve("figures.md");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "| scenario | declarations sent (distinct) | lines posted | counted | lost "
                        + "| doubled | time | notes |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
            }
            Files.writeString(file, line, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
