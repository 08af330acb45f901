package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The story of one contract over HTTP, as DESIGN.md §5 tells it, on a real PostgreSQL. */
class ContractLifecycleTest extends ApplicationTest {

    @Test
    void offerSignDeclareThresholdsIncreaseAddendumAndClawBack() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = offer(insurer, 1_000_000);
        assertThat(api.get("/api/contracts/" + contractId).text("status")).isEqualTo("OFFERED");

        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).isEqualTo(200);
        // signing opens the ceiling in the same request: read-your-writes
        JsonNode contract = api.get("/api/contracts/" + contractId).body();
        assertThat(contract.path("status").asText()).isEqualTo("SIGNED");
        assertThat(contract.path("ceilings")).hasSize(1);
        assertThat(contract.path("ceilings").get(0).path("ceilingId").asText()).isEqualTo(ceilingOf(contractId));
        assertThat(contract.path("ceilings").get(0).path("year").asInt()).isEqualTo(YEAR);
        assertThat(contract.path("ceilings").get(0).path("ceilingCents").asLong()).isEqualTo(1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);

        // 69 %: no warning yet
        assertThat(declare(declaration("L-1", contractId, 690_000)).body().path("results").get(0).path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(api.get(ceiling).body().path("thresholdsReached")).isEmpty();

        // past 70 %: seed 001, the provider reports at 70 % of the ceiling
        declare(declaration("L-2", contractId, 20_000));
        JsonNode at71 = api.get(ceiling).body();
        assertThat(at71.path("utilisationPercent").decimalValue()).isEqualByComparingTo("71.00");
        assertThat(at71.path("thresholdsReached").toString()).isEqualTo("[70]");

        // past 100 %: the part above the ceiling is declared but held unpaid
        JsonNode over = declare(declaration("L-3", contractId, 400_000)).body().path("results").get(0);
        assertThat(over.path("payableCents").asLong()).isEqualTo(290_000);
        assertThat(over.path("unpaidCents").asLong()).isEqualTo(110_000);
        JsonNode exhausted = api.get(ceiling).body();
        assertThat(exhausted.path("thresholdsReached").toString()).isEqualTo("[70,100]");
        assertThat(exhausted.path("declaredCents").asLong()).isEqualTo(1_110_000);
        assertThat(exhausted.path("payableCents").asLong()).isEqualTo(1_000_000);
        assertThat(exhausted.path("unpaidCents").asLong()).isEqualTo(110_000);

        // increase request, approved below what was asked, laid down in an addendum
        Api.Response requested = api.post(ceiling + "/increase-requests",
                Map.of("amountCents", 300_000, "grounds", "regional waiting list"));
        assertThat(requested.status()).isEqualTo(201);
        String requestId = requested.text("requestId");
        Api.Response approved = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 250_000));
        assertThat(approved.status()).isEqualTo(200);
        // seed 001: approved is not final; the ceiling is raised only when the addendum is signed
        assertThat(api.get(ceiling).body().path("ceilingCents").asLong()).isEqualTo(1_000_000);

        Api.Response addendum = api.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                Map.of("signedBy", "dr. Jansen"));
        assertThat(addendum.status()).isEqualTo(200);
        JsonNode raised = api.get(ceiling).body();
        assertThat(raised.path("initialCeilingCents").asLong()).isEqualTo(1_000_000);
        assertThat(raised.path("ceilingCents").asLong()).isEqualTo(1_250_000);
        // the 110,000 held above the old ceiling is payable now
        assertThat(raised.path("payableCents").asLong()).isEqualTo(1_110_000);
        assertThat(raised.path("unpaidCents").asLong()).isZero();

        Api.Response clawBack = api.post(ceiling + "/claw-backs",
                Map.of("amountCents", 100_000, "reason", "care not delivered", "declarationIds", List.of("L-3")));
        assertThat(clawBack.status()).isEqualTo(201);
        JsonNode afterClawBack = api.get(ceiling).body();
        assertThat(afterClawBack.path("clawedBackCents").asLong()).isEqualTo(100_000);
        assertThat(afterClawBack.path("declaredCents").asLong()).isEqualTo(1_110_000);
        assertThat(afterClawBack.path("payableCents").asLong()).isEqualTo(1_010_000);
        assertThat(afterClawBack.path("utilisationPercent").decimalValue()).isEqualByComparingTo("80.80");

        // the timeline tells the same story in order, across contract and ceiling
        await().untilAsserted(() -> assertThat(types(contractId)).containsSubsequence(
                "ContractOffered", "ContractSigned", "CeilingAgreed", "CeilingThresholdReached", "CeilingExhausted",
                "IncreaseRequested", "IncreaseApproved", "AddendumOffered", "AddendumSigned", "ClawBackIssued"));
        JsonNode offered = api.get("/api/contracts/" + contractId + "/timeline").body().get(0);
        // the actor is the principal of the purchaser's token
        assertThat(offered.path("actor").asText()).isEqualTo("inkoper-" + insurer);
        assertThat(offered.path("description").asText()).contains("DIGITAL contract offered", "€ 10.000,00");
    }

    @Test
    void negotiatedOfferIsSignedOnItsLatestProposal() {
        String insurer = newInsurer();
        Api.Response offered = api.post("/api/contracts", offerBody(insurer, "NEGOTIATED", 5_000_000));
        String contractId = offered.text("contractId");

        Api.Response proposal = api.post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 6_000_000, "tariffPercentage", "95.00"));
        assertThat(proposal.status()).isEqualTo(200);
        assertThat(proposal.body().path("proposalRound").asInt()).isEqualTo(1);

        api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "raad van bestuur"));
        JsonNode contract = api.get("/api/contracts/" + contractId).body();
        assertThat(contract.path("tariffPercentage").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(contract.path("ceilings").get(0).path("ceilingCents").asLong()).isEqualTo(6_000_000);
    }

    @Test
    void twoYearTermOfAnIndependentOpensOneCeilingPerYear() {
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 200_000);
        body.put("providerType", "INDEPENDENT");
        body.put("termEnd", (YEAR + 1) + "-12-31");
        String contractId = api.post("/api/contracts", body).text("contractId");
        api.post("/api/contracts/" + contractId + "/signature", Map.of());

        JsonNode ceilings = api.get("/api/contracts/" + contractId).body().path("ceilings");
        assertThat(ceilings).hasSize(2);
        assertThat(ceilings.get(1).path("year").asInt()).isEqualTo(YEAR + 1);
        assertThat(ceilings.get(1).path("ceilingCents").asLong()).isEqualTo(200_000);
    }

    @Test
    void excludedPrestatieIsRefusedAfterAnAmendment() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response amended = api.post("/api/contracts/" + contractId + "/amendments",
                Map.of("excludedPrestatieCodes", List.of("CO0142"), "reason", "seed 002 §5.4"));
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.body().path("excludedPrestatieCodes").toString()).isEqualTo("[\"CO0142\"]");

        JsonNode result = declare(declaration("X-1", contractId, 1_000)).body().path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).contains("excluded");
    }

    @Test
    void careAfterTerminationIsRefused() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response terminated = api.post("/api/contracts/" + contractId + "/termination",
                Map.of("reason", "quality requirements not met", "effectiveDate", YEAR + "-01-31"));
        assertThat(terminated.body().path("status").asText()).isEqualTo("TERMINATED");

        Map<String, Object> before = declaration("T-1", contractId, 1_000);
        Map<String, Object> after = declaration("T-2", contractId, 1_000);
        after.put("treatmentDate", YEAR + "-02-01");
        JsonNode results = declare(before, after).body().path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void patientStopIsAnnouncedAndLifted() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response stop = api.post("/api/contracts/" + contractId + "/patient-stops",
                Map.of("reason", "CAPACITY", "from", YEAR + "-03-01"));
        assertThat(stop.status()).isEqualTo(201);
        String stopId = stop.text("stopId");
        assertThat(api.post("/api/contracts/" + contractId + "/patient-stops",
                Map.of("reason", "CEILING_REACHED", "from", YEAR + "-03-05")).status()).isEqualTo(409);

        Api.Response lifted = api.post("/api/contracts/" + contractId + "/patient-stops/" + stopId + "/lifting",
                Map.of("to", YEAR + "-04-15"));
        assertThat(lifted.status()).isEqualTo(200);
        JsonNode stops = api.get("/api/contracts/" + contractId).body().path("patientStops");
        assertThat(stops.get(0).path("to").asText()).isEqualTo(YEAR + "-04-15");
    }

    @Test
    void withdrawnOfferCannotBeSigned() {
        String contractId = offer(newInsurer(), 1_000_000);
        assertThat(api.post("/api/contracts/" + contractId + "/withdrawal", Map.of("reason", "error")).status())
                .isEqualTo(200);
        Api.Response signing = api.post("/api/contracts/" + contractId + "/signature", Map.of());
        assertThat(signing.status()).isEqualTo(409);
        assertThat(signing.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/contracts/" + contractId).text("status")).isEqualTo("WITHDRAWN");
    }

    @Test
    void declinedOfferOpensNoCeiling() {
        String contractId = offer(newInsurer(), 1_000_000);
        api.post("/api/contracts/" + contractId + "/declination", Map.of("reason", "tariff too low"));
        JsonNode contract = api.get("/api/contracts/" + contractId).body();
        assertThat(contract.path("status").asText()).isEqualTo("DECLINED");
        assertThat(contract.path("ceilings")).isEmpty();
        JsonNode result = declare(declaration("DEC-1", contractId, 1_000)).body().path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).contains("not signed");
    }

    @Test
    void everyEventCarriesWhoWhichSystemAndWhy() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 1_000_000);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT payloadtype AS type, convert_from(metadata, 'UTF8') AS meta FROM domainevententry "
                        + "WHERE aggregateidentifier IN (?, ?) ORDER BY globalindex", contractId, ceilingOf(contractId));
        assertThat(rows).hasSize(3);
        // offered by the insurer's purchaser; signed by the provider, whose signature also agreed the ceiling
        assertThat(rows.get(0).get("meta").toString()).contains("\"principal\":\"inkoper-" + insurer + "\"",
                "\"role\":\"PURCHASER\"", "\"tenant\":\"" + insurer + "\"");
        for (Map<String, Object> row : rows.subList(1, 3)) {
            assertThat(row.get("meta").toString()).contains("\"principal\":\"zorgaanbieder-94001234\"",
                    "\"role\":\"PROVIDER\"", "\"tenant\":\"94001234\"");
        }
        for (Map<String, Object> row : rows) {
            assertThat(row.get("meta").toString()).contains("\"sourceSystem\":\"dev-token\"", "\"correlationId\"",
                    "\"causationId\"");
        }
    }

    @Test
    void contractsAreListedPerInsurerYearAndStatus() {
        String insurer = newInsurer();
        String signed = signedContract(insurer, 1_000);
        String offered = offer(insurer, 2_000);

        List<String> all = new ArrayList<>();
        api.get("/api/contracts?insurer=" + insurer + "&year=" + YEAR).body()
                .forEach(c -> all.add(c.path("contractId").asText()));
        assertThat(all).containsExactlyInAnyOrder(signed, offered);
        JsonNode onlySigned = api.get("/api/contracts?insurer=" + insurer + "&status=SIGNED").body();
        assertThat(onlySigned).hasSize(1);
        assertThat(onlySigned.get(0).path("contractId").asText()).isEqualTo(signed);
        assertThat(api.get("/api/contracts?insurer=" + insurer + "&year=" + (YEAR + 5)).body()).isEmpty();
        assertThat(api.get("/api/contracts?status=NOT_A_STATUS").status()).isEqualTo(400);
    }

    private List<String> types(String contractId) {
        List<String> types = new ArrayList<>();
        api.get("/api/contracts/" + contractId + "/timeline").body().forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
