package nl.ggz.contracts.api;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem answer, and nothing is stored. */
class BadInputTest extends ApplicationTest {

    @Test
    void malformedJsonIsA400ProblemAndStoresNothing() {
        long events = eventCount();
        Api.Response response = api.postRaw("/api/contracts", "{\"insurerUzovi\": ");
        assertProblem(response, 400);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void fractionalCentsAreRefused() {
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 1);
        body.put("ceilingCents", 1.5);
        Api.Response response = api.post("/api/contracts", body);
        assertProblem(response, 400);
        assertThat(response.text("detail")).contains("ceilingCents");
    }

    @Test
    void absurdAmountsAreRefusedNotOverflowed() {
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 1);
        body.put("ceilingCents", Long.MAX_VALUE);
        Api.Response response = api.post("/api/contracts", body);
        assertProblem(response, 400);
        assertThat(response.text("detail")).contains("ceilingCents");

        body.put("ceilingCents", new java.math.BigInteger("99999999999999999999999"));
        assertProblem(api.post("/api/contracts", body), 400);

        String contractId = signedContract(newInsurer(), 1_000);
        assertProblem(api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", -5, "grounds", "x")), 400);
        assertProblem(api.post("/api/ceilings/" + ceilingOf(contractId) + "/claw-backs",
                Map.of("amountCents", 1, "reason", "x".repeat(5_000), "declarationIds", List.of("a"))), 400);
    }

    @Test
    void invalidCodesAreNamedInTheDetail() {
        Map<String, Object> body = offerBody("33X1", "DIGITAL", 1_000);
        Api.Response response = api.post("/api/contracts", body);
        assertProblem(response, 400);
        assertThat(response.text("detail")).contains("UZOVI");

        Map<String, Object> setting = offerBody(newInsurer(), "DIGITAL", 1_000);
        setting.put("settings", List.of(9));
        assertThat(api.post("/api/contracts", setting).text("detail")).contains("setting");

        Map<String, Object> missing = offerBody(newInsurer(), "DIGITAL", 1_000);
        missing.remove("kind");
        Api.Response missingKind = api.post("/api/contracts", missing);
        assertProblem(missingKind, 400);
        assertThat(missingKind.text("detail")).contains("kind");
    }

    @Test
    void anOfferWhoseExpiryHasPassedIsRefused() {
        long events = eventCount();
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 1_000);
        body.put("offerExpiresAt", now().minus(java.time.Duration.ofDays(1)).toString());
        Api.Response response = api.post("/api/contracts", body);
        assertProblem(response, 422);
        assertThat(response.text("detail")).contains("offerExpiresAt");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void institutionOfferedTwoYearsIsRefused() {
        // seed 002 §5.2: institutions are contracted for one year
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 1_000);
        body.put("termEnd", (YEAR + 1) + "-12-31");
        assertProblem(api.post("/api/contracts", body), 422);
    }

    @Test
    void unknownIdsAre404() {
        assertProblem(api.get("/api/contracts/no-such-contract"), 404);
        assertProblem(api.get("/api/ceilings/no-such-ceiling"), 404);
        assertProblem(api.post("/api/contracts/no-such-contract/signature", Map.of()), 404);
        assertProblem(api.post("/api/ceilings/no-such-ceiling/increase-requests",
                Map.of("amountCents", 100, "grounds", "x")), 404);
        String contractId = signedContract(newInsurer(), 1_000);
        assertProblem(api.post("/api/contracts/" + contractId + "/patient-stops/no-such-stop/lifting",
                Map.of("to", YEAR + "-02-01")), 404);
    }

    @Test
    void increaseAboveTheCapIsRefusedWithTheRoomLeft() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signedContract(insurer, 1_000_000);
        long events = eventCount();
        Api.Response response = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", 500_001, "grounds", "growth"));
        assertProblem(response, 422);
        assertThat(response.text("detail")).contains("50 %", "€ 5.000,00");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void increaseOutsideTheWindowIsRefused() {
        String insurer = newInsurer();
        api.put("/api/policies/" + insurer + "/" + YEAR, Map.of(
                "increaseWindowStart", (YEAR - 1) + "-04-01T00:00:00+02:00",
                "increaseWindowEnd", (YEAR - 1) + "-07-31T17:00:00+02:00"));
        String contractId = signedContract(insurer, 1_000_000);
        Api.Response response = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", 1_000, "grounds", "growth"));
        assertProblem(response, 422);
        assertThat(response.text("detail")).contains("accepted from");
    }

    @Test
    void decidingARequestTwiceIsAConflict() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String ceiling = "/api/ceilings/" + ceilingOf(signedContract(insurer, 1_000_000));
        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 1_000, "grounds", "x"))
                .text("requestId");
        assertThat(api.post(ceiling + "/increase-requests/" + requestId + "/rejection", Map.of("grounds", "enough care nearby"))
                .status()).isEqualTo(200);
        assertProblem(api.post(ceiling + "/increase-requests/" + requestId + "/approval", Map.of("amountCents", 1_000)), 409);
    }

    @Test
    void emptyAndOversizedBatchesAreRefusedWhole() {
        assertProblem(api.post("/api/declarations", Map.of("declarations", List.of())), 400);
        assertProblem(api.postRaw("/api/declarations", "[1,2]"), 400);
        List<Object> lines = java.util.Collections.nCopies(5_001, Map.of("declarationId", "x"));
        assertProblem(api.post("/api/declarations", Map.of("declarations", lines)), 413);
    }

    @Test
    void aBodyOverFourMebibytesIsRefusedWhetherItsLengthIsDeclaredOrNot() {
        String huge = "{\"declarations\": [{\"declarationId\": \"" + "x".repeat(4_500_000) + "\"}]}";
        long events = eventCount();

        Api.Response declared = api.postRaw("/api/declarations", huge);
        Api.Response chunked = api.postStreamed("/api/declarations", huge);

        assertProblem(declared, 413);
        assertProblem(chunked, 413);
        assertThat(chunked.text("detail")).contains("at most 4194304 bytes");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void policyWithAnInvertedWindowIsRefused() {
        Api.Response response = api.put("/api/policies/" + newInsurer() + "/" + YEAR, Map.of(
                "increaseWindowStart", YEAR + "-08-01T00:00:00+02:00",
                "increaseWindowEnd", YEAR + "-04-01T00:00:00+02:00"));
        assertProblem(response, 400);
        assertThat(response.text("detail")).contains("window");
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).isNotBlank();
        assertThat(response.body().toString()).doesNotContain("Exception", "at nl.", "SQL");
    }
}
