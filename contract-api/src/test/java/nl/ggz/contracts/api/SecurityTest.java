package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api.Identity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table (DESIGN.md §2, issue 5): a test per rule. Each refused call is checked to store nothing.
 */
class SecurityTest extends ApplicationTest {

    private static final Map<String, Object> APPROVAL = Map.of("amountCents", 1_000);
    private static final Map<String, Object> REASON = Map.of("reason", "test");
    private static final Map<String, Object> CLAW_BACK = Map.of("amountCents", 100, "reason", "x",
            "declarationIds", List.of("d-1"));

    // --- who may call at all ---

    @Test
    void withoutATokenEveryCallIsRefused401AsAProblemWithABearerChallenge() {
        String contractId = signedContract(newInsurer(), 100_000);
        long before = eventCount();
        Api anonymous = api.anonymous();
        for (Api.Response answer : List.of(
                anonymous.get("/api/contracts/" + contractId),
                anonymous.get("/api/ceilings/" + ceilingOf(contractId)),
                anonymous.get("/api/audit/events?contractId=" + contractId),
                anonymous.post("/api/declarations", Map.of("declarations", List.of(
                        declaration("anon-" + contractId, contractId, 100)))),
                anonymous.post("/api/contracts", offerBody(newInsurer(), "DIGITAL", 1_000)))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.text("detail")).contains("Authorization: Bearer");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aTokenNotSignedByTheTrustedIssuerIsRefused401() {
        String real = api.token(Identity.regulator());
        String[] parts = real.split("\\.");
        // the regulator's own header and signature around a payload that claims another role
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"x\",\"role\":\"PURCHASER\",\"insurer_uzovi\":\"1234\",\"exp\":4102444800}".getBytes());
        for (String token : List.of(parts[0] + "." + forgedPayload + "." + parts[2], "not-a-jwt", real + "x")) {
            Api.Response answer = api.getWithAuthorization("/api/contracts", "Bearer " + token);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.text("detail")).startsWith("the bearer token was refused");
            // nothing of the token or of a stack trace comes back
            assertThat(answer.body().toString()).doesNotContain(token, "Exception", "at org.");
        }
    }

    @Test
    void aTokenIsOnlyIssuedForARoleWithItsTenant() {
        Api anonymous = api.anonymous();
        assertThat(anonymous.post("/api/dev/tokens", Map.of("role", "PURCHASER")).text("detail"))
                .contains("insurerUzovi");
        assertThat(anonymous.post("/api/dev/tokens", Map.of("role", "PROVIDER", "providerAgb", "123")).text("detail"))
                .contains("8-digit AGB");
        Api.Response unknown = anonymous.post("/api/dev/tokens", Map.of("role", "ADMIN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("role must be PURCHASER, PROVIDER, CLAIMS, REGULATOR, OPERATOR or "
                + "PRIVACY_OFFICER");
        assertThat(anonymous.post("/api/dev/tokens", Map.of("role", "PRIVACY_OFFICER")).text("detail"))
                .contains("insurerUzovi");
    }

    // --- the trial's own tokens (the embedded default these tests run) ---

    @Test
    void theTrialListensOnLoopbackOnly(@Autowired ServletWebServerApplicationContext application) {
        Object address = ((TomcatWebServer) application.getWebServer()).getTomcat().getConnector()
                .getProperty("address");
        assertThat(address).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) address).isLoopbackAddress()).as(address.toString()).isTrue();
    }

    @Test
    void theTrialSignsInACallerOnThisMachineButNotOneRelayedByAProxy() throws Exception {
        assertThat(api.token(Identity.regulator())).isNotBlank();
        HttpResponse<String> relayed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/dev/tokens"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"OPERATOR\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(relayed.statusCode()).isEqualTo(403);
        assertThat(relayed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(relayed.body()).contains("only to callers on its own machine").doesNotContain("token\"");
    }

    @Test
    void theApiDescriptionAndHealthAreOpenWithoutAToken() {
        Api anonymous = api.anonymous();
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/admin/dead-letters").status()).isEqualTo(401);
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        Api.Text answer = api.anonymous().getText("/api/contracts", null);
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    // --- purchaser ---

    @Test
    void aPurchaserOffersAndPublishesPolicyOnlyForItsOwnInsurer() {
        String own = newInsurer();
        String other = newInsurer();
        Api purchaser = api.as(Identity.purchaser(own));
        long before = eventCount();

        Api.Response offer = purchaser.post("/api/contracts", offerBody(other, "DIGITAL", 1_000));
        assertThat(offer.status()).isEqualTo(403);
        assertThat(offer.text("detail")).contains("acts only on behalf of that insurer, not " + other);
        assertThat(purchaser.put("/api/policies/" + other + "/" + YEAR, Map.of()).status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        assertThat(purchaser.post("/api/contracts", offerBody(own, "DIGITAL", 1_000)).status()).isEqualTo(201);
        assertThat(purchaser.put("/api/policies/" + own + "/" + YEAR, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anotherInsurersContractIsNotFoundForAPurchaserExactlyAsAnUnknownId() {
        String theirs = signedContract(newInsurer(), 100_000);
        String ceiling = "/api/ceilings/" + ceilingOf(theirs);
        Api purchaser = api.as(Identity.purchaser(newInsurer()));
        long before = eventCount();

        Api.Response hidden = purchaser.get("/api/contracts/" + theirs);
        Api.Response unknown = purchaser.get("/api/contracts/no-such-" + theirs);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text("detail")).isEqualTo("no contract with id " + theirs);
        assertThat(hidden.text("title")).isEqualTo(unknown.text("title"));
        assertThat(hidden.body().size()).isEqualTo(unknown.body().size());

        assertAllNotFound(
                () -> purchaser.get("/api/contracts/" + theirs + "/timeline"),
                () -> purchaser.get("/api/contracts/" + theirs + "/proposals"),
                () -> purchaser.get("/api/contracts/" + theirs + "?asOf=2020-01-01T00:00:00Z"),
                () -> purchaser.get(ceiling),
                () -> purchaser.get("/api/monitoring/ceilings/" + ceilingOf(theirs) + "/series"),
                () -> purchaser.post("/api/contracts/" + theirs + "/withdrawal", REASON),
                () -> purchaser.post("/api/contracts/" + theirs + "/amendments", Map.of("reason", "x",
                        "excludedSettings", List.of(3))),
                () -> purchaser.post("/api/contracts/" + theirs + "/termination", Map.of("reason", "x",
                        "effectiveDate", YEAR + "-12-01")),
                () -> purchaser.post("/api/contracts/" + theirs + "/proposals", Map.of("ceilingCents", 5)),
                () -> purchaser.post(ceiling + "/increase-requests/any/approval", APPROVAL),
                () -> purchaser.post(ceiling + "/increase-requests/any/rejection", Map.of("grounds", "no")),
                () -> purchaser.post(ceiling + "/increase-requests/any/information-request",
                        Map.of("question", "?")),
                () -> purchaser.post(ceiling + "/settlement", Map.of()),
                () -> purchaser.post(ceiling + "/claw-backs", CLAW_BACK));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aPurchaserReadsOnlyItsOwnInsurersListsMonitoringAndReports() {
        String own = newInsurer();
        String other = newInsurer();
        String mine = signedContract(own, 100_000);
        String theirs = signedContract(other, 100_000);
        Api purchaser = api.as(Identity.purchaser(own));

        // the list is confined to the own insurer, even without a filter
        JsonNode list = purchaser.get("/api/contracts?limit=1000").body();
        assertThat(list.findValuesAsText("insurerUzovi")).containsOnly(own);
        assertThat(list.findValuesAsText("contractId")).contains(mine).doesNotContain(theirs);

        for (String path : List.of("/api/contracts?insurer=" + other,
                "/api/monitoring/ceilings?insurer=" + other + "&year=" + YEAR,
                "/api/monitoring/increase-requests?insurer=" + other,
                "/api/reports/patient-stops?insurer=" + other + "&year=" + YEAR)) {
            Api.Response answer = purchaser.get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.text("detail")).as(path).contains("reads only that insurer's figures, not " + other);
        }
        assertThat(purchaser.get("/api/monitoring/ceilings?insurer=" + own + "&year=" + YEAR).status()).isEqualTo(200);
        assertThat(purchaser.get("/api/reports/patient-stops?insurer=" + own + "&year=" + YEAR).status())
                .isEqualTo(200);
    }

    @Test
    void aPurchaserDoesNotSignNorRequestIncreasesNorPostDeclarationsNorReadTheAudit() {
        String insurer = newInsurer();
        String contractId = offer(insurer, 100_000);
        Api purchaser = api.as(Identity.purchaser(insurer));
        long before = eventCount();
        assertAllForbidden(
                () -> purchaser.post("/api/contracts/" + contractId + "/signature", Map.of()),
                () -> purchaser.post("/api/contracts/" + contractId + "/patient-stops",
                        Map.of("reason", "CAPACITY", "from", YEAR + "-06-01")),
                () -> purchaser.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                        Map.of("amountCents", 1_000, "grounds", "x")),
                () -> purchaser.post("/api/declarations", Map.of("declarations", List.of(
                        declaration("p-" + contractId, contractId, 100)))),
                () -> purchaser.get("/api/audit/events?contractId=" + contractId),
                () -> purchaser.get("/api/reports/contracting-monitor?year=" + YEAR),
                () -> purchaser.get("/api/admin/dead-letters"));
        assertThat(eventCount()).isEqualTo(before);
    }

    // --- provider ---

    @Test
    void aProviderActsOnlyOnItsOwnContracts() {
        String insurer = newInsurer();
        String own = newProvider();
        String other = newProvider();
        Map<String, Object> body = offerBody(insurer, "DIGITAL", 100_000);
        body.put("providerAgb", other);
        String theirs = api.post("/api/contracts", body).text("contractId");
        body.put("providerAgb", own);
        String mine = api.post("/api/contracts", body).text("contractId");
        // another provider's signed contract: its ceiling's increase requests are no business of this one
        String theirsSigned = signedContract(insurer, newProvider(), 100_000);
        Api provider = api.as(Identity.provider(own));
        long before = eventCount();

        assertAllNotFound(
                () -> provider.post("/api/ceilings/" + ceilingOf(theirsSigned) + "/increase-requests",
                        Map.of("amountCents", 1_000, "grounds", "x")),
                () -> provider.post("/api/ceilings/" + ceilingOf(theirsSigned) + "/increase-requests/any/completion",
                        Map.of("information", "x")),
                () -> provider.post("/api/contracts/" + theirs + "/signature", Map.of()),
                () -> provider.post("/api/contracts/" + theirs + "/declination", REASON),
                () -> provider.post("/api/contracts/" + theirs + "/proposals", Map.of("ceilingCents", 5)),
                () -> provider.post("/api/contracts/" + theirs + "/patient-stops",
                        Map.of("reason", "CAPACITY", "from", YEAR + "-06-01")),
                () -> provider.get("/api/contracts/" + theirs));
        assertThat(eventCount()).isEqualTo(before);

        assertThat(provider.post("/api/contracts/" + mine + "/signature", Map.of()).status()).isEqualTo(200);
        JsonNode list = provider.get("/api/contracts?limit=1000").body();
        assertThat(list.findValuesAsText("providerAgb")).containsOnly(own);
        assertThat(provider.get("/api/contracts?provider=" + other).status()).isEqualTo(403);
        String ceiling = "/api/ceilings/" + ceilingOf(mine);
        assertThat(provider.get(ceiling).status()).isEqualTo(200);
        assertThat(provider.post(ceiling + "/increase-requests", Map.of("amountCents", 1_000, "grounds", "waiting list"))
                .status()).isIn(201, 422);
    }

    @Test
    void aProviderDoesNotOfferApproveClawBackNorReadMonitoring() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 100_000);
        Api provider = api.as(Identity.provider("94001234"));
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        long before = eventCount();
        assertAllForbidden(
                () -> provider.post("/api/contracts", offerBody(insurer, "DIGITAL", 1_000)),
                () -> provider.post("/api/contracts/" + contractId + "/termination", Map.of("reason", "x",
                        "effectiveDate", YEAR + "-12-01")),
                () -> provider.post(ceiling + "/increase-requests/any/approval", APPROVAL),
                () -> provider.post(ceiling + "/increase-requests/any/information-request", Map.of("question", "?")),
                () -> provider.post(ceiling + "/settlement", Map.of()),
                () -> provider.post(ceiling + "/claw-backs", CLAW_BACK),
                () -> provider.put("/api/policies/" + insurer + "/" + YEAR, Map.of()),
                () -> provider.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR));
        assertThat(eventCount()).isEqualTo(before);
    }

    // --- claims system ---

    @Test
    void aClaimsSystemPostsOnlyForItsInsurersContractsAndLearnsNothingOfOthers() {
        String insurer = newInsurer();
        String mine = signedContract(insurer, 100_000);
        String theirs = signedContract(newInsurer(), 100_000);
        Api claims = api.as(Identity.claims(insurer));
        String prefix = java.util.UUID.randomUUID() + "-";

        JsonNode results = claims.post("/api/declarations", Map.of("declarations", List.of(
                declaration(prefix + "1", mine, 1_000), declaration(prefix + "2", theirs, 1_000)))).body().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).path("status").asText()).isEqualTo("REJECTED");
        // the same words as for an id that does not exist
        assertThat(results.get(1).path("reason").asText()).isEqualTo("no contract with id " + theirs);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%DeclarationRecorded'", Long.class, ceilingOf(theirs))).isZero();

        assertThat(claims.get("/api/ceilings/" + ceilingOf(mine)).body().path("declaredCents").asLong())
                .isEqualTo(1_000);
        assertThat(claims.get("/api/ceilings/" + ceilingOf(theirs)).status()).isEqualTo(404);
        assertAllForbidden(
                () -> claims.get("/api/contracts/" + mine),
                () -> claims.post("/api/contracts", offerBody(insurer, "DIGITAL", 1_000)),
                () -> claims.post("/api/ceilings/" + ceilingOf(mine) + "/claw-backs",
                        CLAW_BACK));
    }

    // --- regulator ---

    @Test
    void theRegulatorReadsEverythingAndChangesNothing() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 100_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        Api regulator = api.as(Identity.regulator());

        for (String path : List.of("/api/contracts/" + contractId, "/api/contracts/" + contractId + "/timeline",
                "/api/contracts/" + contractId + "/proposals",
                "/api/contracts?insurer=" + insurer, ceiling, "/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR,
                "/api/monitoring/increase-requests?insurer=" + insurer,
                "/api/reports/patient-stops?insurer=" + insurer + "&year=" + YEAR,
                "/api/reports/contracting-monitor?year=" + YEAR, "/api/policies/" + insurer + "/" + YEAR)) {
            assertThat(regulator.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(regulator.getText("/api/audit/events?contractId=" + contractId, null).status()).isEqualTo(200);

        long before = eventCount();
        assertAllForbidden(
                () -> regulator.post("/api/contracts", offerBody(insurer, "DIGITAL", 1_000)),
                () -> regulator.put("/api/policies/" + insurer + "/" + YEAR, Map.of()),
                () -> regulator.post("/api/contracts/" + contractId + "/termination", Map.of("reason", "x",
                        "effectiveDate", YEAR + "-12-01")),
                () -> regulator.post("/api/contracts/" + contractId + "/patient-stops",
                        Map.of("reason", "CAPACITY", "from", YEAR + "-06-01")),
                () -> regulator.post(ceiling + "/claw-backs", CLAW_BACK),
                () -> regulator.post(ceiling + "/settlement", Map.of()),
                () -> regulator.post(ceiling + "/increase-requests/any/completion", Map.of("information", "x")),
                () -> regulator.post("/api/declarations", Map.of("declarations", List.of(
                        declaration("r-" + contractId, contractId, 100)))),
                () -> regulator.post("/api/audit/checkpoints", Map.of()),
                () -> regulator.post("/api/admin/dead-letters/timeline/retry", Map.of()));
        assertThat(eventCount()).isEqualTo(before);
    }

    // --- operator ---

    @Test
    void theOperatorRunsTheInstallationButSeesNoContract() {
        String contractId = signedContract(newInsurer(), 100_000);
        Api operator = api.as(Identity.operator());
        assertThat(operator.get("/api/admin/dead-letters").status()).isEqualTo(200);
        assertThat(operator.post("/api/audit/checkpoints", Map.of()).status()).isIn(200, 201);
        assertAllForbidden(
                () -> operator.get("/api/contracts/" + contractId),
                () -> operator.get("/api/audit/events?contractId=" + contractId),
                () -> operator.get("/api/reports/contracting-monitor?year=" + YEAR));
    }

    // --- the record ---

    @Test
    void theRecordedPrincipalComesFromTheTokenNeverFromHeadersOrBody() {
        String insurer = newInsurer();
        String contractId = offer(insurer, 100_000);
        String agb = readContract(contractId).providerAgb();
        Api provider = api.as(new Identity("PROVIDER", null, agb, "dr. Token"));
        // a body that names a principal is refused outright (an unknown field), and then signed without it
        Api.Response named = provider.post("/api/contracts/" + contractId + "/signature",
                Map.of("signedBy", "dr. Jansen", "principal", "someone-else"));
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.text("detail")).contains("unknown field 'principal'");
        assertThat(provider.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"))
                .status()).isEqualTo(200);

        String meta = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%ContractSigned'", String.class, contractId);
        assertThat(meta).contains("\"principal\":\"dr. Token\"", "\"role\":\"PROVIDER\"", "\"tenant\":\"" + agb + "\"")
                .doesNotContain("someone-else");
    }

    private static void assertAllForbidden(Supplier<?>... calls) {
        assertAll(403, calls);
    }

    private static void assertAllNotFound(Supplier<?>... calls) {
        assertAll(404, calls);
    }

    private static void assertAll(int status, Supplier<?>... calls) {
        for (int i = 0; i < calls.length; i++) {
            Object answer = calls[i].get();
            int actual = answer instanceof Api.Response r ? r.status() : ((Api.Text) answer).status();
            String contentType = answer instanceof Api.Response r ? r.contentType() : ((Api.Text) answer).contentType();
            assertThat(actual).as("call %d: %s", i + 1, answer).isEqualTo(status);
            assertThat(contentType).as("call %d", i + 1).startsWith("application/problem+json");
        }
    }
}
