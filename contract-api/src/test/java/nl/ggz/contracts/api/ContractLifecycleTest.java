package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.Ceiling;
import nl.ggz.contracts.api.Responses.CeilingRef;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.ContractSummary;
import nl.ggz.contracts.api.Responses.DeclarationResult;
import nl.ggz.contracts.api.Responses.DeclarationResults;
import nl.ggz.contracts.api.Responses.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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
        assertThat(readContract(contractId).status()).isEqualTo("OFFERED");

        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).isEqualTo(200);
        // signing opens the ceiling in the same request: read-your-writes
        Contract contract = readContract(contractId);
        assertThat(contract.status()).isEqualTo("SIGNED");
        assertThat(contract.ceilings()).containsExactly(new CeilingRef(ceilingOf(contractId), YEAR, 1_000_000));
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);

        // 69 %: no warning yet
        assertThat(declare(declaration("L-1", contractId, 690_000)).as(DeclarationResults.class).first().status())
                .isEqualTo("ACCEPTED");
        assertThat(readCeiling(ceilingOf(contractId)).thresholdsReached()).isEmpty();

        // past 70 %: seed 001, the provider reports at 70 % of the ceiling
        declare(declaration("L-2", contractId, 20_000));
        Ceiling at71 = readCeiling(ceilingOf(contractId));
        assertThat(at71.utilisationPercent()).isEqualByComparingTo("71.00");
        assertThat(at71.thresholdsReached()).containsExactly(70);

        // past 100 %: the part above the ceiling is declared but held unpaid
        DeclarationResult over = declare(declaration("L-3", contractId, 400_000)).as(DeclarationResults.class).first();
        assertThat(over.payableCents()).isEqualTo(290_000);
        assertThat(over.unpaidCents()).isEqualTo(110_000);
        Ceiling exhausted = readCeiling(ceilingOf(contractId));
        assertThat(exhausted.thresholdsReached()).containsExactly(70, 100);
        assertThat(exhausted.declaredCents()).isEqualTo(1_110_000);
        assertThat(exhausted.payableCents()).isEqualTo(1_000_000);
        assertThat(exhausted.unpaidCents()).isEqualTo(110_000);

        // increase request, approved below what was asked, laid down in an addendum
        Api.Response requested = api.post(ceiling + "/increase-requests",
                Map.of("amountCents", 300_000, "grounds", "regional waiting list"));
        assertThat(requested.status()).isEqualTo(201);
        String requestId = requested.text("requestId");
        Api.Response approved = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 250_000));
        assertThat(approved.status()).isEqualTo(200);
        // seed 001: approved is not final; the ceiling is raised only when the addendum is signed
        assertThat(readCeiling(ceilingOf(contractId)).ceilingCents()).isEqualTo(1_000_000);

        Api.Response addendum = api.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                Map.of("signedBy", "dr. Jansen"));
        assertThat(addendum.status()).isEqualTo(200);
        Ceiling raised = readCeiling(ceilingOf(contractId));
        assertThat(raised.initialCeilingCents()).isEqualTo(1_000_000);
        assertThat(raised.ceilingCents()).isEqualTo(1_250_000);
        // the 110,000 held above the old ceiling is payable now
        assertThat(raised.payableCents()).isEqualTo(1_110_000);
        assertThat(raised.unpaidCents()).isZero();

        Api.Response clawBack = api.post(ceiling + "/claw-backs",
                Map.of("amountCents", 100_000, "reason", "care not delivered", "declarationIds", List.of("L-3")));
        assertThat(clawBack.status()).isEqualTo(201);
        Ceiling afterClawBack = readCeiling(ceilingOf(contractId));
        assertThat(afterClawBack.clawedBackCents()).isEqualTo(100_000);
        assertThat(afterClawBack.declaredCents()).isEqualTo(1_110_000);
        assertThat(afterClawBack.payableCents()).isEqualTo(1_010_000);
        assertThat(afterClawBack.utilisationPercent()).isEqualByComparingTo("80.80");

        // the timeline tells the same story in order, across contract and ceiling
        await().untilAsserted(() -> assertThat(types(contractId)).containsSubsequence(
                "ContractOffered", "ContractSigned", "CeilingAgreed", "CeilingThresholdReached", "CeilingExhausted",
                "IncreaseRequested", "IncreaseApproved", "AddendumOffered", "AddendumSigned", "ClawBackIssued"));
        TimelineEntry offered = timeline(contractId).get(0);
        // the actor is the principal of the purchaser's token
        assertThat(offered.actor()).isEqualTo("inkoper-" + insurer);
        assertThat(offered.description()).contains("DIGITAL contract offered", "€ 10.000,00");
    }

    @Test
    void negotiatedOfferIsSignedOnItsLatestProposal() {
        String insurer = newInsurer();
        Api.Response offered = api.post("/api/contracts", offerBody(insurer, "NEGOTIATED", 5_000_000));
        String contractId = offered.text("contractId");

        Api.Response proposal = api.post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 6_000_000, "tariffPercentage", "95.00"));
        assertThat(proposal.status()).isEqualTo(200);
        assertThat(proposal.as(Contract.class).proposalRound()).isEqualTo(1);

        api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "raad van bestuur"));
        Contract contract = readContract(contractId);
        assertThat(contract.tariffPercentage()).isEqualByComparingTo("95.00");
        assertThat(contract.ceilings().get(0).ceilingCents()).isEqualTo(6_000_000);
    }

    @Test
    void twoYearTermOfAnIndependentOpensOneCeilingPerYear() {
        Map<String, Object> body = offerBody(newInsurer(), "DIGITAL", 200_000);
        body.put("providerType", "INDEPENDENT");
        // seed 001: independents are contracted for setting 1 only
        body.put("settings", List.of(1));
        body.put("termEnd", (YEAR + 1) + "-12-31");
        String contractId = api.post("/api/contracts", body).text("contractId");
        api.post("/api/contracts/" + contractId + "/signature", Map.of());

        List<CeilingRef> ceilings = readContract(contractId).ceilings();
        assertThat(ceilings).hasSize(2);
        assertThat(ceilings.get(1).year()).isEqualTo(YEAR + 1);
        assertThat(ceilings.get(1).ceilingCents()).isEqualTo(200_000);
    }

    @Test
    void excludedPrestatieIsRefusedAfterAnAmendment() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response amended = api.post("/api/contracts/" + contractId + "/amendments",
                Map.of("excludedPrestatieCodes", List.of("CO0142"), "reason", "seed 002 §5.4"));
        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.as(Contract.class).excludedPrestatieCodes()).containsExactly("CO0142");

        // an amendment without an effective date holds for care from the day it is made (seed 002 §5.4, issue 14)
        Map<String, Object> today = declaration("X-1", contractId, 1_000);
        today.put("treatmentDate", today().toString());
        DeclarationResult result = declare(today).as(DeclarationResults.class).first();
        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.reason()).contains("excluded");
    }

    @Test
    void careAfterTerminationIsRefused() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        Api.Response terminated = api.post("/api/contracts/" + contractId + "/termination",
                Map.of("reason", "quality requirements not met", "effectiveDate", YEAR + "-01-31"));
        assertThat(terminated.as(Contract.class).status()).isEqualTo("TERMINATED");

        Map<String, Object> before = declaration("T-1", contractId, 1_000);
        Map<String, Object> after = declaration("T-2", contractId, 1_000);
        after.put("treatmentDate", YEAR + "-02-01");
        List<String> statuses = declare(before, after).as(DeclarationResults.class).statuses();
        assertThat(statuses.get(0)).isEqualTo("ACCEPTED");
        assertThat(statuses.get(1)).isEqualTo("REJECTED");
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
        assertThat(readContract(contractId).patientStops().get(0).to()).isEqualTo(LocalDate.of(YEAR, 4, 15));
    }

    @Test
    void withdrawnOfferCannotBeSigned() {
        String contractId = offer(newInsurer(), 1_000_000);
        assertThat(api.post("/api/contracts/" + contractId + "/withdrawal", Map.of("reason", "error")).status())
                .isEqualTo(200);
        Api.Response signing = api.post("/api/contracts/" + contractId + "/signature", Map.of());
        assertThat(signing.status()).isEqualTo(409);
        assertThat(signing.contentType()).startsWith("application/problem+json");
        assertThat(readContract(contractId).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void declinedOfferOpensNoCeiling() {
        String contractId = offer(newInsurer(), 1_000_000);
        api.post("/api/contracts/" + contractId + "/declination", Map.of("reason", "tariff too low"));
        Contract contract = readContract(contractId);
        assertThat(contract.status()).isEqualTo("DECLINED");
        assertThat(contract.ceilings()).isEmpty();
        DeclarationResult result = declare(declaration("DEC-1", contractId, 1_000)).as(DeclarationResults.class).first();
        assertThat(result.status()).isEqualTo("REJECTED");
        assertThat(result.reason()).contains("not signed");
    }

    @Test
    void everyEventCarriesWhoWhichSystemAndWhy() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, "94001234", 1_000_000);
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

        assertThat(contractIds("/api/contracts?insurer=" + insurer + "&year=" + YEAR))
                .containsExactlyInAnyOrder(signed, offered);
        assertThat(contractIds("/api/contracts?insurer=" + insurer + "&status=SIGNED")).containsExactly(signed);
        assertThat(contractIds("/api/contracts?insurer=" + insurer + "&year=" + (YEAR + 5))).isEmpty();
        assertThat(api.get("/api/contracts?status=NOT_A_STATUS").status()).isEqualTo(400);
    }

    private List<TimelineEntry> timeline(String contractId) {
        return api.get("/api/contracts/" + contractId + "/timeline").asList(TimelineEntry.class);
    }

    private List<String> types(String contractId) {
        return timeline(contractId).stream().map(TimelineEntry::type).toList();
    }

    private List<String> contractIds(String path) {
        return api.get(path).asList(ContractSummary.class).stream().map(ContractSummary::contractId).toList();
    }
}
