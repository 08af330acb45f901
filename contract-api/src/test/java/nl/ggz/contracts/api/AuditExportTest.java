package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/audit/events: the raw event history for the regulator, exactly as stored, filtered, resumable. */
class AuditExportTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DataSource dataSource;

    @Test
    void theExportOfAContractIsItsOwnAndItsCeilingsEventsInStoredOrderWithAllTheirMetadata() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String provider = newProvider();
        String contractId = storyOfATwoYearContract(insurer, provider);
        String other = signedContract(insurer, 5_000);

        Api.Text answer = api.getText("/api/audit/events?contractId=" + contractId, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/x-ndjson");
        assertThat(answer.body()).endsWith("\n");
        List<String> lines = answer.body().lines().toList();
        List<Map<String, Object>> stored = jdbc.queryForList("""
                SELECT globalindex, type, aggregateidentifier, sequencenumber, payloadtype, payloadrevision, timestamp,
                    eventidentifier, convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata
                FROM domainevententry WHERE aggregateidentifier IN (?, ?, ?) ORDER BY globalindex
                """, contractId, contractId + "-" + YEAR, contractId + "-" + (YEAR + 1));

        assertThat(lines).hasSize(stored.size()).hasSizeGreaterThan(10);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = json(lines.get(i));
            Map<String, Object> row = stored.get(i);
            assertThat(line.path("position").asLong()).isEqualTo(((Number) row.get("globalindex")).longValue());
            assertThat(line.path("aggregateType").asText()).isEqualTo(row.get("type"));
            assertThat(line.path("aggregateId").asText()).isEqualTo(row.get("aggregateidentifier"));
            assertThat(line.path("sequenceNumber").asLong()).isEqualTo(((Number) row.get("sequencenumber")).longValue());
            assertThat(line.path("eventType").asText()).isEqualTo(row.get("payloadtype"));
            assertThat(line.path("revision").isNull()).isEqualTo(row.get("payloadrevision") == null);
            assertThat(line.path("timestamp").asText()).isEqualTo(row.get("timestamp"));
            assertThat(line.path("eventId").asText()).isEqualTo(row.get("eventidentifier"));
            // payload and metadata are embedded as the very JSON text the event store holds
            assertThat(lines.get(i)).contains("\"payload\":" + row.get("payload") + ",\"metadata\":" + row.get("metadata")
                    + ",\"previousHash\":");
            assertThat(line.path("payload").isObject()).isTrue();
            JsonNode metadata = line.path("metadata");
            // who acted, from the token of the party whose act it was
            assertThat(metadata.path("principal").asText()).isIn("inkoper-" + insurer, "zorgaanbieder-" + provider,
                    "declaratiesysteem-" + insurer);
            assertThat(metadata.path("role").asText()).isIn("PURCHASER", "PROVIDER", "CLAIMS");
            assertThat(metadata.path("sourceSystem").asText()).isEqualTo("dev-token");
            assertThat(metadata.path("correlationId").asText()).isNotBlank();
            assertThat(metadata.path("causationId").asText()).isNotBlank();
        }
        assertThat(lines).noneMatch(l -> l.contains(other));
        assertThat(types(lines)).containsSubsequence("ContractOffered", "ContractSigned", "CeilingAgreed",
                "DeclarationRecorded", "IncreaseRequested", "IncreaseApproved", "AddendumOffered", "AddendumSigned",
                "ClawBackIssued");
        assertThat(Long.parseLong(answer.header("X-Audit-Horizon")))
                .isGreaterThanOrEqualTo(json(lines.get(lines.size() - 1)).path("position").asLong());
    }

    @Test
    void aResumedExportContinuesExactlyWithTheLineAfterItsCursor() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = storyOfATwoYearContract(insurer, newProvider());
        List<String> all = lines("contractId=" + contractId);

        for (int k = 0; k < all.size(); k++) {
            long cursor = json(all.get(k)).path("position").asLong();
            assertThat(lines("contractId=" + contractId + "&after=" + cursor))
                    .as("resumed after line %d", k).isEqualTo(all.subList(k + 1, all.size()));
        }

        // page by page, each page resumed from the last line of the one before, makes up the whole export
        List<String> paged = new ArrayList<>();
        long cursor = 0;
        while (true) {
            List<String> page = lines("contractId=" + contractId + "&limit=4&after=" + cursor);
            assertThat(page.size()).isLessThanOrEqualTo(4);
            if (page.isEmpty()) {
                break;
            }
            paged.addAll(page);
            cursor = json(page.get(page.size() - 1)).path("position").asLong();
        }
        assertThat(paged).isEqualTo(all);

        // what happens after the cursor was taken follows on from it
        long end = json(all.get(all.size() - 1)).path("position").asLong();
        declare(declarationOn("R-" + contractId, contractId, 1_234));
        List<String> next = lines("contractId=" + contractId + "&after=" + end);
        assertThat(types(next)).containsExactly("DeclarationRecorded");
    }

    @Test
    void filtersByInsurerProviderYearTimeAndTypeSelectExactlyTheirEvents() {
        String insurerA = newInsurer();
        String insurerB = newInsurer();
        openIncreaseWindow(insurerA);
        assertThat(api.put("/api/policies/" + insurerA + "/" + (YEAR + 1), Map.of("offerValidityDays", 30)).status())
                .isEqualTo(200);
        String p1 = newProvider();
        String p2 = newProvider();
        String c1 = signedContract(insurerA, p1, "INSTITUTION", YEAR);
        declare(declaration("F-" + c1, c1, 5_000));
        String c2 = signedContract(insurerA, p2, "INDEPENDENT", YEAR + 1);
        String c3 = signedContract(insurerB, p1, "INSTITUTION", YEAR);
        String policyNow = insurerA + "-" + YEAR;
        String policyNext = insurerA + "-" + (YEAR + 1);

        assertThat(eventIds("insurer=" + insurerA)).isEqualTo(storedIds(c1, c1 + "-" + YEAR, c2, c2 + "-" + YEAR,
                c2 + "-" + (YEAR + 1), policyNow, policyNext));
        assertThat(eventIds("provider=" + p1)).isEqualTo(storedIds(c1, c1 + "-" + YEAR, c3, c3 + "-" + YEAR));
        assertThat(eventIds("insurer=" + insurerA + "&provider=" + p2))
                .isEqualTo(storedIds(c2, c2 + "-" + YEAR, c2 + "-" + (YEAR + 1)));
        assertThat(eventIds("insurer=" + insurerA + "&year=" + YEAR))
                .isEqualTo(storedIds(c1, c1 + "-" + YEAR, c2, c2 + "-" + YEAR, policyNow));
        // the year after: only the two-year contract runs then, with its ceiling of that year and that year's policy
        assertThat(eventIds("insurer=" + insurerA + "&year=" + (YEAR + 1)))
                .isEqualTo(storedIds(c2, c2 + "-" + (YEAR + 1), policyNext));
        assertThat(eventIds("contractId=" + c2 + "&year=" + (YEAR + 1))).isEqualTo(storedIds(c2, c2 + "-" + (YEAR + 1)));
        assertThat(eventIds("insurer=" + insurerB + "&provider=" + p2)).isEmpty();

        // event types by simple or stored name, repeated or comma-separated
        List<String> everything = lines("insurer=" + insurerA);
        List<String> signedOrAgreed = everything.stream()
                .filter(l -> Set.of("ContractSigned", "CeilingAgreed").contains(simpleType(l))).toList();
        assertThat(signedOrAgreed).hasSize(5);
        assertThat(lines("insurer=" + insurerA + "&eventType=ContractSigned&eventType=CeilingAgreed"))
                .isEqualTo(signedOrAgreed);
        assertThat(lines("insurer=" + insurerA + "&eventType=CeilingAgreed,ContractSigned")).isEqualTo(signedOrAgreed);
        assertThat(lines("insurer=" + insurerA + "&eventType=nl.ggz.contracts.domain.ceiling.DeclarationRecorded"))
                .hasSize(1).allMatch(l -> l.contains("F-" + c1));

        // time: from <= timestamp < to, to the millisecond the store keeps
        Instant from = Instant.parse(json(everything.get(3)).path("timestamp").asText());
        Instant to = Instant.parse(json(everything.get(everything.size() - 2)).path("timestamp").asText());
        assertThat(lines("insurer=" + insurerA + "&from=" + from + "&to=" + to)).isEqualTo(everything.stream()
                .filter(l -> !timestamp(l).isBefore(from) && timestamp(l).isBefore(to)).toList());
        Instant justAfter = from.plusNanos(1);
        assertThat(lines("insurer=" + insurerA + "&from=" + justAfter)).isEqualTo(everything.stream()
                .filter(l -> timestamp(l).isAfter(from)).toList());
        String withOffset = URLEncoder.encode(from.atOffset(java.time.ZoneOffset.ofHours(2)).toString(),
                StandardCharsets.UTF_8);
        assertThat(lines("insurer=" + insurerA + "&from=" + withOffset)).isEqualTo(everything.stream()
                .filter(l -> !timestamp(l).isBefore(from)).toList());
    }

    @Test
    void csvHasAHeaderRowAndTheSameRowsAsTheNdjson() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = storyOfATwoYearContract(insurer, newProvider());
        List<String> ndjson = lines("contractId=" + contractId);

        Api.Text csv = api.getText("/api/audit/events?contractId=" + contractId, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("position,aggregateType,aggregateId,sequenceNumber,eventType,revision,"
                + "timestamp,eventId,payload,metadata,previousHash,hash\r\n").endsWith("\r\n");
        List<List<String>> rows = Rfc4180.parse(csv.body());
        assertThat(rows.get(0)).containsExactly("position", "aggregateType", "aggregateId", "sequenceNumber",
                "eventType", "revision", "timestamp", "eventId", "payload", "metadata", "previousHash", "hash");
        assertThat(rows).hasSize(ndjson.size() + 1);
        for (int i = 0; i < ndjson.size(); i++) {
            JsonNode line = json(ndjson.get(i));
            List<String> row = rows.get(i + 1);
            assertThat(row).containsExactly(line.path("position").asText(), line.path("aggregateType").asText(),
                    line.path("aggregateId").asText(), line.path("sequenceNumber").asText(),
                    line.path("eventType").asText(), line.path("revision").isNull() ? "" : line.path("revision").asText(),
                    line.path("timestamp").asText(), line.path("eventId").asText(), row.get(8), row.get(9),
                    line.path("previousHash").asText(), line.path("hash").asText());
            // the JSON columns hold the same JSON as the NDJSON line, as text
            assertThat(ndjson.get(i)).contains("\"payload\":" + row.get(8) + ",\"metadata\":" + row.get(9)
                    + ",\"previousHash\":\"" + row.get(10) + "\",\"hash\":\"" + row.get(11) + "\"}");
        }
        // the same filters apply
        assertThat(Rfc4180.parse(api.getText("/api/audit/events?contractId=" + contractId + "&limit=2",
                "text/csv;q=0.9, application/json;q=0.5").body())).hasSize(3);
    }

    @Test
    void badFiltersAreA400ProblemNamingTheFilterAndLeakNothing() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("insurer=12", "insurer: an insurer code (UZOVI) is four digits"),
                Map.entry("provider=abc", "provider: a provider code (AGB) is eight digits"),
                Map.entry("year=1999", "year is a contract year between 2000 and 2100, got '1999'"),
                Map.entry("year=twenty", "year is a contract year"),
                Map.entry("from=yesterday", "from is an ISO-8601 instant"),
                Map.entry("to=2027-03-01T10:00:00+01:00", "a '+' in a URL is written %2B"),
                Map.entry("from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z", "must be before to"),
                Map.entry("from=+10000-01-01T00:00:00Z", "in the years 2000 to 2100"),
                Map.entry("after=-1", "after is the position of the last event received"),
                Map.entry("after=1e3", "after is the position"),
                Map.entry("limit=0", "limit is the most events to send"),
                Map.entry("limit=99999999999999999999", "limit is the most events to send"),
                Map.entry("eventType=DeclarationRecored", "eventType 'DeclarationRecored' is not an event type"),
                Map.entry("eventType=nl.ggz.Elsewhere.DeclarationRecorded", "is not an event type"),
                Map.entry("eventType=OfferContract", "is not an event type"),
                Map.entry("insurr=1234", "unknown parameter 'insurr'"),
                Map.entry("insurer=1234&insurer=5678", "insurer is given 2 times"),
                Map.entry("contractId=", "contractId is empty"));
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            for (String accept : Arrays.asList(null, "application/x-ndjson", "text/csv")) {
                Api.Text answer = api.getText("/api/audit/events?" + bad.getKey().replace("+10000", "%2B10000"), accept);
                assertThat(answer.status()).as(bad.getKey()).isEqualTo(400);
                assertThat(answer.contentType()).as(bad.getKey()).startsWith("application/problem+json");
                assertThat(answer.json().path("detail").asText()).as(bad.getKey()).contains(bad.getValue());
                assertThat(answer.body()).as(bad.getKey())
                        .doesNotContain("Exception", "SELECT", "domainevententry", "at nl.", "aggregateId");
            }
        }
        Api.Text unknown = api.getText("/api/audit/events?contractId=no-such-contract", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asText()).isEqualTo("no contract with id no-such-contract");
    }

    @Test
    void everyStoredEventTypeCanBeFilteredOn() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        storyOfATwoYearContract(insurer, newProvider());
        for (String type : jdbc.queryForList("SELECT DISTINCT payloadtype FROM domainevententry", String.class)) {
            String simple = type.substring(type.lastIndexOf('.') + 1);
            Api.Text answer = api.getText("/api/audit/events?insurer=" + insurer + "&eventType=" + simple, null);
            assertThat(answer.status()).as(type).isEqualTo(200);
            assertThat(answer.body().lines()).as(type).allMatch(l -> json(l).path("eventType").asText().equals(type));
        }
    }

    @Test
    void anExportWaitsForEventWritesStillOpenSoThatNoEarlierPositionCanTurnUpBehindIt() throws Exception {
        String contractId = signedContract(newInsurer(), 10_000);
        List<String> before = lines("contractId=" + contractId);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                // what an INSERT of an event holds from before it draws its position until its transaction ends
                statement.execute("LOCK TABLE domainevententry IN ROW EXCLUSIVE MODE");
            }
            CompletableFuture<Api.Text> export = CompletableFuture.supplyAsync(
                    () -> api.getText("/api/audit/events?contractId=" + contractId, null));
            Thread.sleep(500);
            assertThat(export).as("the export waits for the open write").isNotDone();
            writer.rollback();
            Api.Text answer = export.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().lines().toList()).isEqualTo(before);
        }
    }

    @Test
    void anExportThatFailsHalfWayBreaksOffInsteadOfEndingLikeAWholeOne() throws Exception {
        String contractId = signedContract(newInsurer(), 1_000_000_000L);
        for (int batch = 0; batch < 2; batch++) {
            List<Object> lines = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                lines.add(declaration("BRK-" + batch + "-" + i + "-" + contractId, contractId, 100));
            }
            assertThat(declareAll(lines).status()).isEqualTo(200);
        }
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/audit/events?contractId=" + contractId))
                        .header("Authorization", "Bearer " + api.token(Api.Identity.regulator())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).contains(contractId);
            // while the client holds back, the export's database connection dies (as in a database restart)
            assertThat(jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
                    + "'SELECT globalindex, type, aggregateidentifier%' AND pid <> pg_backend_pid()", Boolean.class))
                    .containsExactly(true);
            int received = 1;
            try {
                while (body.readLine() != null) {
                    received++;
                }
                throw new AssertionError("the export ended like a complete one after " + received + " lines");
            } catch (IOException broken) {
                // the lines before the break stand; a client resumes after the last complete one
                assertThat(received).isLessThan(10_000);
            }
        }
    }

    /** A two-year contract with declarations, an increase approved and signed, and a claw-back; its contract id. */
    private String storyOfATwoYearContract(String insurer, String provider) {
        String contractId = signedContract(insurer, provider, "INDEPENDENT", YEAR + 1);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        for (int i = 1; i <= 4; i++) {
            assertThat(declare(declarationOn(contractId + "-D" + i, contractId, 250_000)).status()).isEqualTo(200);
        }
        String requestId = api.post(ceiling + "/increase-requests",
                Map.of("amountCents", 100_000, "grounds", "waiting list, \"urgent\"")).text("requestId");
        String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 100_000)).text("addendumId");
        assertThat(api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of()).status()).isEqualTo(200);
        assertThat(api.post(ceiling + "/claw-backs", Map.of("amountCents", 50_000, "reason", "not delivered, twice",
                "declarationIds", List.of(contractId + "-D1"))).status()).isEqualTo(201);
        return contractId;
    }

    private String signedContract(String insurer, String provider, String providerType, int lastYear) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", 1_000_000);
        body.put("providerAgb", provider);
        body.put("providerType", providerType);
        body.put("settings", settingsFor(providerType));
        body.put("termEnd", lastYear + "-12-31");
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        return contractId;
    }

    private List<String> lines(String query) {
        Api.Text answer = api.getText("/api/audit/events?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body().lines().toList();
    }

    private List<String> eventIds(String query) {
        return lines(query).stream().map(l -> json(l).path("eventId").asText()).toList();
    }

    /** The event ids of these aggregates, read straight from the event table in stored order. */
    private List<String> storedIds(String... aggregateIds) {
        return jdbc.queryForList("SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ANY (?) "
                + "ORDER BY globalindex", String.class, (Object) aggregateIds);
    }

    private static List<String> types(List<String> lines) {
        return lines.stream().map(AuditExportTest::simpleType).collect(Collectors.toList());
    }

    private static String simpleType(String line) {
        String type = json(line).path("eventType").asText();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant timestamp(String line) {
        return Instant.parse(json(line).path("timestamp").asText());
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
