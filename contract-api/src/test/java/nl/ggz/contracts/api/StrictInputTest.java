package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.api.Api.Identity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 (items 4, 5 and 9): input is read strictly at the edge — text by its character rules, JSON without
 * duplicate keys or unknown fields, numbers and dates within bounds — and whatever is refused is a 4xx problem naming
 * the field, never a 500, and stores nothing.
 */
class StrictInputTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    // --- text ---

    @Test
    void aNulInAnAmendmentReasonIsRefusedNamingTheFieldAndStoresNothing() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        long events = eventCount();
        Api.Response answer = api.postRaw("/api/contracts/" + contractId + "/amendments",
                "{\"excludedSettings\":[3],\"reason\":\"x\\u0000y\"}");
        assertProblem(answer, 400, "reason", "U+0000");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void controlBidiAndLoneSurrogateCharactersInTextAreRefusedNamingTheField() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String offered = offer(insurer, 1_000_000);
        String signed = signedContract(insurer, newProvider(), 1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(signed);
        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 1_000, "grounds", "x"))
                .text("requestId");
        long events = eventCount();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/api/contracts/" + offered + "/withdrawal", "{\"reason\":\"a\\u0000b\"}");
        cases.put("/api/contracts/" + offered + "/declination", "{\"reason\":\"\\u001b[31mred\"}");
        cases.put("/api/contracts/" + offered + "/signature", "{\"signedBy\":\"dr. \\u202eJansen\"}");
        cases.put("/api/contracts/" + signed + "/termination",
                "{\"reason\":\"\\u2066x\",\"effectiveDate\":\"" + YEAR + "-12-01\"}");
        cases.put(ceiling + "/increase-requests", "{\"amountCents\":100,\"grounds\":\"\\ud800\"}");
        cases.put(ceiling + "/increase-requests/" + requestId + "/rejection", "{\"grounds\":\"no\\u0085\"}");
        cases.put(ceiling + "/claw-backs", "{\"amountCents\":1,\"reason\":\"r\",\"declarationIds\":[\"d\\u0000\"]}");
        Map<String, String> fields = Map.of("withdrawal", "reason", "declination", "reason", "signature", "signedBy",
                "termination", "reason", "increase-requests", "grounds", "rejection", "grounds",
                "claw-backs", "declarationIds[0]");
        cases.forEach((path, body) -> {
            Api.Response answer = api.postRaw(path, body);
            String field = fields.get(path.substring(path.lastIndexOf('/') + 1));
            assertProblem(answer, 400, field, "U+");
        });
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void freeTextKeepsTabsAndLineBreaks() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response answer = api.postRaw("/api/contracts/" + contractId + "/amendments",
                "{\"excludedSettings\":[3],\"reason\":\"regel 1\\r\\nregel 2\\tvervolg\"}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    @Test
    void idsInADeclarationLineAreVisibleAsciiAndABadLineFailsNoNeighbour() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        String good = "S-" + UUID.randomUUID();
        String batch = "{\"declarations\":[" + line(good, contractId, "p-1", "1000", null)
                + "," + line("S-" + UUID.randomUUID(), contractId, "p\\u0000", "1000", null)
                + "," + line("S-\\u200b" + UUID.randomUUID(), contractId, "p-2", "1000", null)
                + "," + line("S-" + UUID.randomUUID(), contractId, "p-3", "-100", "\\u202e" + good) + "]}";
        long events = eventCount();
        Api.Response answer = api.postRaw("/api/declarations", batch);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode results = answer.body().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertRejected(results.get(1), "patientRef");
        assertRejected(results.get(2), "declarationId");
        assertRejected(results.get(3), "correctsDeclarationId");
        assertThat(eventCount()).isGreaterThan(events);
    }

    // --- strict JSON ---

    @Test
    void aDuplicateKeyIsRefusedNamingTheKey() {
        String insurer = newInsurer();
        long events = eventCount();
        String offer = offerJson(insurer).replace("\"kind\":\"DIGITAL\"", "\"kind\":\"DIGITAL\",\"kind\":\"NEGOTIATED\"");
        assertProblem(api.postRaw("/api/contracts", offer), 400, "duplicate", "kind");

        String contractId = signedContract(insurer, newProvider(), 1_000_000);
        String batch = "{\"declarations\":[" + line("D-" + UUID.randomUUID(), contractId, "p-1", "1000", null)
                .replace("\"amountCents\":1000", "\"amountCents\":1000,\"amountCents\":-5") + "]}";
        events = eventCount();
        assertProblem(api.postRaw("/api/declarations", batch), 400, "duplicate", "amountCents");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheField() {
        long events = eventCount();
        // a misspelt expiry used to give the policy's default expiry in silence
        String offer = offerJson(newInsurer()).replace("}", ",\"offerExpiresAtt\":\"" + YEAR + "-11-10T17:00:00+01:00\"}");
        assertProblem(api.postRaw("/api/contracts", offer), 400, "offerExpiresAtt");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownFieldInADeclarationLineRejectsThatLineOnly() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        String batch = "{\"declarations\":[" + line("U-" + UUID.randomUUID(), contractId, "p-1", "1000", null) + ","
                + line("U-" + UUID.randomUUID(), contractId, "p-2", "1000", null).replace("}", ",\"amountCent\":5}")
                + "]}";
        Api.Response answer = api.postRaw("/api/declarations", batch);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertRejected(answer.body().path("results").get(1), "amountCent");
    }

    @Test
    void aNumberOfMoreThanTwentyFourDigitsIsRefusedBeforeItIsRead() {
        String offer = offerJson(newInsurer()).replace("\"ceilingCents\":1000000", "\"ceilingCents\":1" + "0".repeat(900));
        assertProblem(api.postRaw("/api/contracts", offer), 400, "ceilingCents", "24");
    }

    @Test
    void anAbsurdDecimalTextIsRefusedWithoutCostingSeconds() {
        String offer = offerJson(newInsurer())
                .replace("\"92.50\"", "\"1" + "0".repeat(80_000) + "E-80003\"");
        long start = System.nanoTime();
        Api.Response answer = api.postRaw("/api/contracts", offer);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(answer, 400, "tariff");
        assertThat(millis).as("answered in %d ms", millis).isLessThan(1_000);
    }

    @Test
    void nullsInListsAreRefusedNamingTheList() {
        String insurer = newInsurer();
        String offered = api.post("/api/contracts", offerBody(insurer, "NEGOTIATED", 1_000_000)).text("contractId");
        String signed = signedContract(insurer, newProvider(), 1_000_000);
        long events = eventCount();
        assertProblem(api.postRaw("/api/contracts/" + signed + "/amendments",
                "{\"excludedPrestatieCodes\":[null],\"reason\":\"r\"}"), 400, "excludedPrestatieCodes");
        assertProblem(api.postRaw("/api/contracts/" + signed + "/amendments",
                "{\"excludedSettings\":[3,null],\"reason\":\"r\"}"), 400, "excludedSettings");
        assertProblem(api.postRaw("/api/contracts/" + offered + "/proposals", "{\"settings\":[null]}"), 400,
                "settings");
        assertProblem(api.postRaw("/api/ceilings/" + ceilingOf(signed) + "/claw-backs",
                "{\"amountCents\":1,\"reason\":\"r\",\"declarationIds\":[null]}"), 400, "declarationIds");
        assertProblem(api.putRaw("/api/policies/" + insurer + "/" + YEAR, "{\"thresholdPercents\":[70,null]}"), 400,
                "thresholdPercents");
        assertThat(eventCount()).isEqualTo(events);
    }

    // --- dates and numbers ---

    @Test
    void datesAndMomentsOutsideTheYears2000To2100AreRefusedNamingTheField() {
        String insurer = newInsurer();
        String signed = signedContract(insurer, 1_000_000);
        String stopId = api.post("/api/contracts/" + signed + "/patient-stops",
                Map.of("reason", "CAPACITY", "from", YEAR + "-06-01")).text("stopId");
        long events = eventCount();
        for (String year : List.of("9999", "+10000", "-0001", "0000", "1999", "2101")) {
            String offer = offerJson(insurer).replace(YEAR + "-01-01", year + "-01-01").replace(YEAR + "-12-31",
                    year + "-12-31");
            assertProblem(api.postRaw("/api/contracts", offer), 400, "termStart", "2000 to 2100");
        }
        for (String date : List.of("20270101", "\"2027-01-01T00:00:00Z\"", "\"2027-02-30\"", "[2027,1,1]")) {
            assertProblem(api.postRaw("/api/contracts", offerJson(insurer).replace("\"" + YEAR + "-01-01\"", date)),
                    400, "termStart");
        }
        assertProblem(api.postRaw("/api/contracts", offerJson(insurer).replace("}",
                ",\"offerExpiresAt\":\"9999-12-31T23:59:59Z\"}")), 400, "offerExpiresAt");
        assertProblem(api.putRaw("/api/policies/" + insurer + "/" + YEAR,
                "{\"increaseWindowEnd\":\"+999999999-12-31T23:59:59.999999999-18:00\"}"), 400, "increaseWindowEnd");
        assertProblem(api.putRaw("/api/policies/" + insurer + "/" + YEAR,
                "{\"increaseWindowStart\":\"-0001-01-01T00:00:00Z\"}"), 400, "increaseWindowStart");
        assertProblem(api.postRaw("/api/contracts/" + signed + "/patient-stops/" + stopId + "/lifting",
                "{\"to\":\"+999999999-12-31\"}"), 400, "to");
        assertProblem(api.postRaw("/api/contracts/" + signed + "/patient-stops",
                "{\"reason\":\"CAPACITY\",\"from\":\"0000-01-01\"}"), 400, "from");
        assertProblem(api.postRaw("/api/contracts/" + signed + "/termination",
                "{\"reason\":\"r\",\"effectiveDate\":\"9999-12-31\"}"), 400, "effectiveDate");
        assertThat(eventCount()).isEqualTo(events);

        String batch = "{\"declarations\":[" + line("Y-" + UUID.randomUUID(), signed, "p-1", "1000", null)
                .replace(YEAR + "-01-15", "9999-01-15") + "]}";
        assertRejected(api.postRaw("/api/declarations", batch).body().path("results").get(0), "treatmentDate");
    }

    @Test
    void absurdNumbersAreRefusedNamingTheField() {
        String insurer = newInsurer();
        long events = eventCount();
        for (String number : List.of("-9223372036854775808", "9223372036854775807", "1e400", "-1e400",
                "99999999999999999999")) {
            assertProblem(api.postRaw("/api/contracts", offerJson(insurer).replace("1000000", number)), 400,
                    "ceilingCents");
            assertProblem(api.putRaw("/api/policies/" + insurer + "/" + YEAR, "{\"increaseCapPercent\":" + number
                    + "}"), 400, "increaseCapPercent");
        }
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aCreditOfLongMinValueCentsIsRejectedAsALineNotA500() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        String declared = "M-" + UUID.randomUUID();
        assertThat(declare(declaration(declared, contractId, 5_000)).status()).isEqualTo(200);
        String batch = "{\"declarations\":[" + line("M-" + UUID.randomUUID(), contractId, "p-1", "-9223372036854775808",
                declared) + "," + line("M-" + UUID.randomUUID(), contractId, "p-2", "1000", null) + "]}";
        Api.Response answer = api.postRaw("/api/declarations", batch);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertRejected(answer.body().path("results").get(0), "amountCents");
        assertThat(answer.body().path("results").get(1).path("status").asText()).isEqualTo("ACCEPTED");
    }

    // --- the edge: correlation ids, quoted input, headers, paths and queries ---

    @Test
    void aCorrelationIdOfAnotherFormIsReplacedByAGeneratedOne() {
        for (String kept : List.of(UUID.randomUUID().toString(), "claims-batch.2027_03-01", "a")) {
            assertThat(send("GET", "/api/contracts?limit=1", Identity.regulator(), null, Map.of("X-Correlation-Id", kept))
                    .headers().firstValue("X-Correlation-Id")).contains(kept);
        }
        for (String replaced : List.of("a".repeat(65), "<script>alert(1)</script>", "id with spaces", "ö", "a/b")) {
            String answered = send("GET", "/api/contracts?limit=1", Identity.regulator(), null,
                    Map.of("X-Correlation-Id", replaced)).headers().firstValue("X-Correlation-Id").orElseThrow();
            assertThat(answered).as(replaced).isNotEqualTo(replaced)
                    .satisfies(id -> assertThat(UUID.fromString(id)).isNotNull());
        }
        String contractId = signedContract(newInsurer(), 1_000_000);
        HttpResponse<String> amended = send("POST", "/api/contracts/" + contractId + "/amendments",
                Identity.purchaser(api.get("/api/contracts/" + contractId).text("insurerUzovi")),
                "{\"excludedSettings\":[3],\"reason\":\"r\"}", Map.of("X-Correlation-Id", "not $afe; at all"));
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
        String recorded = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' FROM "
                + "domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1", String.class,
                contractId);
        assertThat(recorded).isEqualTo(amended.headers().firstValue("X-Correlation-Id").orElseThrow())
                .isNotEqualTo("not $afe; at all");
    }

    @Test
    void errorDetailsQuoteAtMostFortyCharactersOfTheInput() {
        String contractId = offer(newInsurer(), 1_000);
        List<Api.Response> answers = List.of(
                api.get("/api/contracts?status=" + "X".repeat(5_000)),
                api.get("/api/contracts/" + contractId + "?asOf=" + "Y".repeat(5_000)),
                api.postRaw("/api/contracts", offerJson(newInsurer()).replace("\"DIGITAL\"",
                        "\"" + "Z".repeat(100_000) + "\"")),
                api.postRaw("/api/contracts", offerJson(newInsurer()).replace("\"94001234\"",
                        "\"" + "9".repeat(100_000) + "\"")),
                api.postRaw("/api/contracts", "{\"kind\": tru" + "e".repeat(5_000) + "}"),
                api.postRaw("/api/contracts", offerJson(newInsurer()).replace("\"92.50\"", "\"" + "8".repeat(100_000)
                        + "\"")));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 499);
            assertThat(answer.text("detail")).as(answer.body().toString()).hasSizeLessThan(400)
                    .doesNotContain("X".repeat(41), "Y".repeat(41), "Z".repeat(41), "9".repeat(41), "e".repeat(41),
                            "8".repeat(41));
        }
    }

    @Test
    void aRequestHeaderOverEightKilobytesIsAnswered431AsAProblem() {
        HttpResponse<String> answer = send("GET", "/api/contracts?limit=1", Identity.regulator(), null,
                Map.of("X-Padding", "p".repeat(9_000)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(431);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(parse(answer.body()).path("detail").asText()).contains("header").doesNotContain("URL");
    }

    @Test
    void idsInPathsAndQueriesAreVisibleAsciiNamingTheParameter() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        // a character no text may hold is refused for the whole path, before any controller; an id's own rule after it
        assertProblem(api.get("/api/contracts/%E2%80%AE" + contractId), 400, "path", "U+202E");
        assertProblem(api.get("/api/contracts/%E2%80%8B" + contractId), 400, "contractId", "U+200B");
        assertProblem(api.get("/api/ceilings/%C3%A9-" + YEAR), 400, "ceilingId");
        assertProblem(api.get("/api/contracts/" + contractId + "/timeline?x=%00"), 400, "x");
        assertProblem(api.getText("/api/audit/events?contractId=%00", null).json(), 400, "contractId");
        assertProblem(api.getText("/api/audit/events?contractId=a%E2%80%8Bb", null).json(), 400, "contractId");
        assertProblem(api.get("/api/admin/dead-letters?group=%00"), 400, "group");
        long events = eventCount();
        assertProblem(api.post("/api/contracts/" + contractId + "/patient-stops/%E2%80%8B/lifting",
                Map.of("to", YEAR + "-07-01")), 400, "stopId");
        assertThat(eventCount()).isEqualTo(events);
        assertProblem(api.get("/api/monitoring/ceilings?insurer=" + newInsurer() + "&year=" + YEAR
                + "&minUtilisation=1e999999999"), 400, "minUtilisation");
    }

    // --- helpers ---

    private static String line(String id, String contractId, String patientRef, String amountCents, String corrects) {
        return "{\"declarationId\":\"" + id + "\",\"contractId\":\"" + contractId + "\",\"treatmentDate\":\"" + YEAR
                + "-01-15\",\"setting\":2,\"prestatieCode\":\"CO0142\",\"patientRef\":\"" + patientRef
                + "\",\"amountCents\":" + amountCents
                + (corrects == null ? "" : ",\"correctsDeclarationId\":\"" + corrects + "\"") + "}";
    }

    private String offerJson(String insurer) {
        try {
            return JSON.writeValueAsString(offerBody(insurer, "DIGITAL", 1_000_000)).replace("\": ", "\":");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertRejected(JsonNode result, String... words) {
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).as(result.toString()).contains(words).hasSizeLessThan(400);
    }

    private static void assertProblem(Api.Response answer, int status, String... words) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertProblem(answer.body(), status, words);
    }

    private static void assertProblem(JsonNode problem, int status, String... words) {
        assertThat(problem.path("status").asInt()).as(problem.toString()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(problem.toString()).contains(words).hasSizeLessThan(400);
        assertThat(problem.toString()).doesNotContain("Exception", "at nl.", "SQL", "\\u0000");
    }

    private HttpResponse<String> send(String method, String path, Identity who, String body,
                                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + api.token(who))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }
}
