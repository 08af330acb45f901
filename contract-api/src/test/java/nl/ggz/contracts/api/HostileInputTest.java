package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import nl.ggz.contracts.api.Api.Identity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Hostile input for every endpoint, generated (QuickTheories, with shrinking to the smallest failing case): malformed
 * JSON, wrong types, huge numbers, unicode edge cases, hostile ids and another tenant's ids. Whatever comes in, the
 * answer is a 4xx problem (or, for what is merely unusual, an ordinary answer) — never a 5xx, never a stack trace or
 * SQL — and a refused call stores nothing.
 */
class HostileInputTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20271123L;
    private static final int EXAMPLES = 150;

    /** An endpoint with a body it accepts, and the identity that may call it. */
    private record Endpoint(String method, String path, Identity who, Map<String, Object> body, boolean perLine) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String insurer;
    private String offered;
    private String signed;
    private String signedWith;
    private String theirs;
    private List<Endpoint> endpoints;

    @BeforeEach
    void contracts() {
        insurer = newInsurer();
        openIncreaseWindow(insurer);
        Map<String, Object> negotiated = offerBody(insurer, "NEGOTIATED", 1_000_000);
        offered = api.post("/api/contracts", negotiated).text("contractId");
        // another provider: one contract per insurer, provider and year (seed 000)
        signedWith = newProvider();
        signed = signedContract(insurer, signedWith, 1_000_000);
        theirs = signedContract(newInsurer(), newProvider(), 1_000_000);
        endpoints = endpointsOn(offered, signed);
    }

    private List<Endpoint> endpointsOn(String offeredId, String signedId) {
        String ceiling = "/api/ceilings/" + ceilingOf(signedId);
        Identity purchaser = Identity.purchaser(insurer);
        Identity provider = Identity.provider("94001234");
        Identity signatory = Identity.provider(signedWith);
        Map<String, Object> line = declaration("H-" + UUID.randomUUID(), signedId, 1_000);
        return List.of(
                new Endpoint("PUT", "/api/policies/" + insurer + "/" + YEAR, purchaser,
                        body("increaseCapPercent", 50, "decisionPeriodDays", 28, "thresholdPercents", List.of(70, 90)), false),
                new Endpoint("POST", "/api/contracts", purchaser, offerBody(insurer, "DIGITAL", 1_000), false),
                new Endpoint("POST", "/api/contracts/" + offeredId + "/proposals", purchaser,
                        body("ceilingCents", 900_000, "tariffPercentage", "91.00", "settings", List.of(2)), false),
                new Endpoint("POST", "/api/contracts/" + offeredId + "/signature", provider, body("signedBy", "dr. J"), false),
                new Endpoint("POST", "/api/contracts/" + offeredId + "/declination", provider, body("reason", "te laag"), false),
                new Endpoint("POST", "/api/contracts/" + offeredId + "/withdrawal", purchaser, body("reason", "x"), false),
                new Endpoint("POST", "/api/contracts/" + signedId + "/amendments", purchaser,
                        body("excludedPrestatieCodes", List.of("CO0142"), "excludedSettings", List.of(3), "reason", "r"), false),
                new Endpoint("POST", "/api/contracts/" + signedId + "/termination", purchaser,
                        body("reason", "r", "effectiveDate", YEAR + "-12-01"), false),
                new Endpoint("POST", "/api/contracts/" + signedId + "/patient-stops", signatory,
                        body("reason", "CAPACITY", "from", YEAR + "-06-01"), false),
                new Endpoint("POST", "/api/contracts/" + signedId + "/patient-stops/s-1/lifting", signatory,
                        body("to", YEAR + "-07-01"), false),
                new Endpoint("POST", "/api/declarations", Identity.claims(insurer),
                        body("declarations", List.of(line)), true),
                new Endpoint("POST", ceiling + "/increase-requests", signatory,
                        body("amountCents", 100_000, "grounds", "wachtlijst"), false),
                new Endpoint("POST", ceiling + "/increase-requests/r-1/approval", purchaser, body("amountCents", 1_000), false),
                new Endpoint("POST", ceiling + "/increase-requests/r-1/rejection", purchaser,
                        body("grounds", "nee", "reasons", List.of("OTHER")), false),
                new Endpoint("POST", ceiling + "/increase-requests/r-1/information-request", purchaser,
                        body("question", "FTE?"), false),
                new Endpoint("POST", ceiling + "/increase-requests/r-1/completion", signatory,
                        body("information", "12 FTE"), false),
                new Endpoint("POST", ceiling + "/addenda/a-1/signature", signatory, body("signedBy", "dr. J"), false),
                new Endpoint("POST", ceiling + "/claw-backs", purchaser,
                        body("amountCents", 100, "reason", "r", "declarationIds", List.of("d-1")), false));
    }

    // --- the properties ---

    @Test
    void aBodyThatIsNotJsonIsRefused400AndStoresNothing() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(pick(endpoints), notJson())
                .checkAssert((endpoint, text) -> assertRefused(endpoint, text, 400, 400));
    }

    @Test
    void aFieldOfTheWrongTypeOrOutOfRangeIsRefusedAndStoresNothing() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES * 2)
                .forAll(pick(endpoints), integers().between(0, 99), integers().between(0, 99))
                .checkAssert((endpoint, fieldChoice, valueChoice) -> {
                    Map<String, Object> fields = endpoint.perLine() ? line(endpoint.body()) : endpoint.body();
                    List<String> names = new ArrayList<>(fields.keySet());
                    // a percentage is a decimal that may come as a number or a text: no type is wrong for it
                    names.remove("tariffPercentage");
                    String field = names.get(fieldChoice % names.size());
                    List<String> wrong = wrongValuesFor(fields.get(field));
                    String value = wrong.get(valueChoice % wrong.size());
                    ObjectNode tree = JSON.valueToTree(endpoint.body());
                    ObjectNode target = endpoint.perLine() ? (ObjectNode) tree.get("declarations").get(0) : tree;
                    // raw, so that 1e400 reaches the server as written and not as Jackson's "Infinity"
                    target.putRawValue(field, new RawValue(value));
                    if (endpoint.perLine()) {
                        assertLineRejected(endpoint, tree.toString());
                    } else {
                        assertRefused(endpoint, tree.toString(), 400, 499);
                    }
                });
    }

    @Test
    void unicodeEdgeCasesInTextFieldsAreStoredAsSentOrRefusedNeverFailing() {
        Endpoint offer = endpoints.get(1);
        Endpoint declarations = endpoints.get(10);
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(pick(List.of("providerAgb", "insurerUzovi", "declarationId", "prestatieCode", "patientRef")),
                        hostileText())
                .checkAssert((field, text) -> {
                    boolean declarationField = !field.endsWith("Agb") && !field.endsWith("Uzovi");
                    Endpoint endpoint = declarationField ? declarations : offer;
                    ObjectNode tree = JSON.valueToTree(endpoint.body());
                    ObjectNode target = declarationField ? (ObjectNode) tree.get("declarations").get(0) : tree;
                    if (field.equals("declarationId")) {
                        text = text + UUID.randomUUID();
                    }
                    target.put(field, text);
                    Answer answer = send(endpoint.method(), endpoint.path(), endpoint.who(), tree.toString());
                    assertNoFailure(endpoint, answer);
                    if (answer.status() >= 400) {
                        assertNothingStored(answer);
                    }
                });
    }

    @Test
    void hostileIdsInPathsAndQueriesAreAnswered4xxAndStoreNothing() {
        List<String> templates = List.of("/api/contracts/%s", "/api/contracts/%s/timeline", "/api/ceilings/%s",
                "/api/contracts/%s?asOf=%s", "/api/monitoring/ceilings?insurer=%s&year=%s",
                "/api/reports/patient-stops?insurer=%s&year=%s", "/api/contracts?insurer=%s&limit=%s",
                "/api/audit/events?contractId=%s&after=%s", "/api/policies/%s/%s");
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(pick(templates), hostileText(), hostileText())
                .checkAssert((template, first, second) -> {
                    String path = String.format(template, encode(first), encode(second));
                    Answer answer = send("GET", path, Identity.regulator(), null);
                    assertNoFailure(path, answer);
                });
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(pick(endpoints), hostileText())
                .checkAssert((endpoint, id) -> {
                    String path = endpoint.path().replace(offered, encode(id)).replace(signed, encode(id));
                    if (path.equals(endpoint.path())) {
                        return;
                    }
                    assertRefused(endpoint, path, JSON.valueToTree(endpoint.body()).toString(), 400, 499);
                });
    }

    @Test
    void anotherInsurersIdsAreAnsweredAsUnknownOnEveryEndpoint() {
        Map<String, Object> negotiated = offerBody(insurerOf(theirs), "NEGOTIATED", 1_000_000);
        negotiated.put("providerAgb", newProvider());
        String offeredOfTheirs = api.post("/api/contracts", negotiated).text("contractId");
        for (Endpoint endpoint : endpointsOn(offeredOfTheirs, theirs)) {
            if (endpoint.path().startsWith("/api/policies") || endpoint.path().equals("/api/contracts")) {
                continue;
            }
            if (endpoint.perLine()) {
                assertLineRejected(endpoint, JSON.valueToTree(endpoint.body()).toString());
            } else {
                assertRefused(endpoint, JSON.valueToTree(endpoint.body()).toString(), 404, 404);
            }
        }
    }

    @Test
    void nestingThousandsDeepIsRefused400() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        for (Endpoint endpoint : endpoints) {
            assertRefused(endpoint, "{\"declarations\":" + deep + ",\"reason\":" + deep + "}", 400, 400);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused413OnEveryEndpoint() {
        String big = "{\"reason\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        for (Endpoint endpoint : List.of(endpoints.get(1), endpoints.get(5), endpoints.get(13))) {
            assertRefused(endpoint, big, 413, 413);
        }
    }

    // --- generators ---

    private static <T> Gen<T> pick(List<T> values) {
        return Generate.pick(values);
    }

    /** Text that is not a JSON document: cut-off documents, stray characters, other formats. */
    private static Gen<String> notJson() {
        Gen<String> cutOff = strings().allPossible().ofLengthBetween(0, 20).map(s -> "{\"reason\":\"" + s);
        Gen<String> trailing = strings().allPossible().ofLengthBetween(1, 20).map(s -> "{}} " + s);
        Gen<String> formats = pick(List.of("<xml/>", "reason=x&a=b", "{'reason':'x'}", "{reason:x}", "[1,2",
                "{\"a\":1,}", "\u0000", "{\"reason\":\"\\x\"}", "NaN", "{\"amountCents\":01}"));
        return Generate.frequency(org.quicktheories.api.Pair.of(2, cutOff), org.quicktheories.api.Pair.of(1, trailing),
                org.quicktheories.api.Pair.of(2, formats));
    }

    /** JSON that a field holding the given (valid) value never accepts: other types, huge and fractional numbers. */
    private static List<String> wrongValuesFor(Object valid) {
        if (valid instanceof Number) {
            return List.of("\"12\"", "\"\"", "true", "1.5", "1e400", "-1e400", "99999999999999999999999999999",
                    "-9223372036854775809", "0.000000001", "{}", "[]", "[1]", "{\"$ref\":\"#\"}");
        }
        if (valid instanceof List) {
            return List.of("1", "\"x\"", "true", "{}", "[{}]", "[[1]]", "[1.5]", "[true]", "[1e400]");
        }
        return List.of("true", "false", "0", "12", "-1", "1.5", "1e400", "99999999999999999999999999999", "{}", "[]",
                "[\"a\"]", "{\"a\":[1]}");
    }

    /** Strings with the characters that break naive code: controls, surrogates, right-to-left, zero-width, quotes. */
    private static Gen<String> hostileText() {
        Gen<String> edge = pick(List.of("", " ", "\u0000", "\uD800", "\uDFFF", "\u202E", "\u200B\u200B", "𝔸𝔹",
                "'; DROP TABLE domainevententry; --", "../../etc/passwd", "%00", "%2F", "\\", "\"", "٣٣١١", "１２３４",
                "9".repeat(400), "e\u0301", "\r\n", "{{7*7}}", "${jndi:ldap://x}", "NaN", "-0", "null"));
        Gen<String> random = strings().allPossible().ofLengthBetween(0, 40);
        return Generate.frequency(org.quicktheories.api.Pair.of(1, edge), org.quicktheories.api.Pair.of(1, random));
    }

    // --- checks ---

    private record Answer(int status, String contentType, String body, String correlationId) {
    }

    private void assertRefused(Endpoint endpoint, String body, int lowest, int highest) {
        assertRefused(endpoint, endpoint.path(), body, lowest, highest);
    }

    private void assertRefused(Endpoint endpoint, String path, String body, int lowest, int highest) {
        Answer answer = send(endpoint.method(), path, endpoint.who(), body);
        assertNoFailure(endpoint, answer);
        assertThat(answer.status()).as("%s %s with %s: %s", endpoint.method(), path, abbreviated(body), answer.body())
                .isBetween(lowest, highest);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(parse(answer.body()).path("detail").asText()).isNotBlank();
        assertNothingStored(answer);
    }

    private void assertLineRejected(Endpoint endpoint, String body) {
        Answer answer = send(endpoint.method(), endpoint.path(), endpoint.who(), body);
        assertNoFailure(endpoint, answer);
        if (answer.status() == 200) {
            JsonNode line = parse(answer.body()).path("results").get(0);
            assertThat(line.path("status").asText()).as("%s: %s", abbreviated(body), answer.body()).isEqualTo("REJECTED");
            assertThat(line.path("reason").asText()).isNotBlank();
        } else {
            assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        }
        assertNothingStored(answer);
    }

    private static void assertNoFailure(Object what, Answer answer) {
        assertThat(answer.status()).as("%s answered %s", what, answer.body()).isLessThan(500);
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "org.postgresql", "SQL state", "PSQLException");
    }

    /** No event carries the correlation id of a refused call (other tests' deadlines may still write events). */
    private void assertNothingStored(Answer answer) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex > "
                        + "(SELECT coalesce(max(globalindex), 0) - 200 FROM domainevententry) "
                        + "AND convert_from(metadata, 'UTF8') LIKE ?", Long.class, "%" + answer.correlationId() + "%"))
                .as("events stored by a refused call").isZero();
    }

    private Answer send(String method, String path, Identity who, String body) {
        String correlationId = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + api.token(who))
                .header("X-Correlation-Id", correlationId)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), correlationId);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- small things ---

    private String insurerOf(String contractId) {
        return api.as(Identity.regulator()).get("/api/contracts/" + contractId).text("insurerUzovi");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> batch) {
        return (Map<String, Object>) ((List<?>) batch.get("declarations")).get(0);
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviated(text), e);
        }
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 200 ? text : text.substring(0, 200) + "…";
    }
}
