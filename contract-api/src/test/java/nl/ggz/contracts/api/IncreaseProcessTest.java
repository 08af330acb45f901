package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Responses.Ceiling;
import nl.ggz.contracts.api.Responses.IncreaseRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 through the API: increase requests as a process — judged on listed criteria, more information asked with
 * the decision clock stopped, decided within the policy's period for the contract's kind (or by a fixed day under
 * supplementary contracting), due at the end of the due day in Amsterdam, and rejected for reasons the NZa counts.
 */
class IncreaseProcessTest extends ServerDateTest {

    @Test
    void digitalContractsAreDecidedWithin4WeeksAndNegotiatedOnesWithin1MonthByTheEndOfTheDueDay() {
        // seed 001: "binnen 4 weken" (digital), "binnen 1 maand" (maatwerk), from the complete request
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        JsonNode policy = api.get("/api/policies/" + insurer + "/" + YEAR).body();
        assertThat(policy.path("decisionPeriods").path("DIGITAL").asText()).isEqualTo("P28D");
        assertThat(policy.path("decisionPeriods").path("NEGOTIATED").asText()).isEqualTo("P1M");
        serverDate(LocalDate.of(YEAR, 4, 6));
        String digital = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);
        String negotiated = signedFor(insurer, "NEGOTIATED", YEAR, 1_000_000);

        IncreaseRequest fourWeeks = requestOf(digital, submit(digital, Map.of("amountCents", 1_000,
                "grounds", "wachtlijst")));
        IncreaseRequest oneMonth = requestOf(negotiated, submit(negotiated, Map.of("amountCents", 1_000,
                "grounds", "wachtlijst")));

        // 6 April + 28 days is 4 May, + 1 month is 6 May: due when those days end in Amsterdam (summer time)
        assertThat(fourWeeks.status()).isEqualTo("SUBMITTED");
        assertThat(fourWeeks.decisionDueAt()).isEqualTo(Instant.parse(YEAR + "-05-04T22:00:00Z"));
        assertThat(oneMonth.decisionDueAt()).isEqualTo(Instant.parse(YEAR + "-05-06T22:00:00Z"));
    }

    @Test
    void periodsPerKindArePublishedAsIso8601PeriodsAndAPolicyWithAnUnknownFieldIsRefused() {
        String insurer = newInsurer();
        policy(insurer, YEAR, Map.of("decisionPeriods", Map.of("DIGITAL", "P4W", "NEGOTIATED", "P2M")));

        JsonNode policy = api.get("/api/policies/" + insurer + "/" + YEAR).body();
        assertThat(policy.path("decisionPeriods").path("DIGITAL").asText()).isEqualTo("P28D");
        assertThat(policy.path("decisionPeriods").path("NEGOTIATED").asText()).isEqualTo("P2M");
        Api.Response misspelt = api.put("/api/policies/" + insurer + "/" + YEAR,
                Map.of("decisionPeriod", Map.of("DIGITAL", "P4W")));
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.text("detail")).contains("decisionPeriod");
        Api.Response hours = api.put("/api/policies/" + insurer + "/" + YEAR,
                Map.of("decisionPeriods", Map.of("DIGITAL", "PT48H")));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.text("detail")).contains("decisionPeriods");
    }

    @Test
    void theClockStopsWhileInformationIsAskedForAndRunsAgainFromTheCompleteRequest() {
        // seed 001: "Nadat we de verhogingsaanvraag en de benodigde informatie hebben ontvangen, informeren we de
        // zorgaanbieder binnen ..." — the period counts from the day the information came in
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        serverDate(LocalDate.of(YEAR, 4, 6));
        String contractId = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);
        String requestId = submit(contractId, Map.of("amountCents", 1_000, "grounds", "wachtlijst"));
        String base = "/api/ceilings/" + ceilingOf(contractId) + "/increase-requests/" + requestId;

        serverDate(LocalDate.of(YEAR, 4, 10));
        Api.Response asked = api.post(base + "/information-request", Map.of("question", "FTE per discipline?"));
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        IncreaseRequest waiting = only(asked.as(Ceiling.class));
        assertThat(waiting.status()).isEqualTo("INFORMATION_REQUESTED");
        assertThat(waiting.decisionDueAt()).isNull();
        assertThat(waiting.information()).singleElement().satisfies(round -> {
            assertThat(round.question()).isEqualTo("FTE per discipline?");
            assertThat(round.answeredAt()).isNull();
        });
        // the provider completes it, not the purchaser; the purchaser asks, not the provider
        assertThat(api.as(Api.Identity.purchaser(insurer)).post(base + "/completion",
                Map.of("information", "12 FTE")).status()).isEqualTo(403);
        assertThat(api.as(Api.Identity.provider(readCeiling(ceilingOf(contractId)).providerAgb()))
                .post(base + "/information-request", Map.of("question", "?")).status()).isEqualTo(403);

        serverDate(LocalDate.of(YEAR, 4, 20));
        Api.Response completed = api.post(base + "/completion", Map.of("information", "12 FTE GZ-psycholoog"));
        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);
        IncreaseRequest complete = only(completed.as(Ceiling.class));
        assertThat(complete.status()).isEqualTo("COMPLETE");
        assertThat(complete.decisionDueAt()).isEqualTo(Instant.parse(YEAR + "-05-18T22:00:00Z"));
        assertThat(complete.information()).singleElement()
                .satisfies(round -> assertThat(round.answer()).isEqualTo("12 FTE GZ-psycholoog"));

        Api.Response again = api.post(base + "/completion", Map.of("information", "nog eens"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("not waiting for information");
        // the purchaser's queue shows the state and the due moment
        await().untilAsserted(() -> assertThat(api.get("/api/monitoring/increase-requests?insurer=" + insurer)
                .asList(Responses.OpenIncreaseRequest.class)).singleElement().satisfies(open -> {
                    assertThat(open.status()).isEqualTo("COMPLETE");
                    assertThat(open.kind()).isEqualTo("DIGITAL");
                    assertThat(open.decisionDueAt()).isEqualTo(Instant.parse(YEAR + "-05-18T22:00:00Z"));
                }));
    }

    @Test
    void supplementaryContractingTakesAnnouncementsUpToAndIncluding1OctoberDecidedBy31MarchOfTheNextYear() {
        // seed 002 §6.3: "uiterlijk 1 oktober" announced, decided "uiterlijk 31 maart" of the following year
        String insurer = newInsurer();
        policy(insurer, YEAR, Map.of("increaseRegime", "SUPPLEMENTARY_CONTRACTING", "increaseCapPercent", 25));
        JsonNode policy = api.get("/api/policies/" + insurer + "/" + YEAR).body();
        assertThat(policy.path("increaseRegime").asText()).isEqualTo("SUPPLEMENTARY_CONTRACTING");
        assertThat(policy.path("announceBy").asText()).isEqualTo(YEAR + "-10-01");
        assertThat(policy.path("decisionDueBy").asText()).isEqualTo((YEAR + 1) + "-03-31");
        serverDate(LocalDate.of(YEAR, 9, 1));
        String contractId = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);

        serverDate(LocalDate.of(YEAR, 10, 1));
        IncreaseRequest onTheDay = requestOf(contractId, submit(contractId, Map.of("amountCents", 1_000,
                "grounds", "verwachte overschrijding")));
        serverDate(LocalDate.of(YEAR, 10, 2));
        Api.Response dayAfter = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", 1_000, "grounds", "te laat"));

        // the end of 31 March is 00:00 on 1 April, summer time
        assertThat(onTheDay.decisionDueAt()).isEqualTo(Instant.parse((YEAR + 1) + "-03-31T22:00:00Z"));
        assertThat(dayAfter.status()).isEqualTo(422);
        assertThat(dayAfter.text("detail")).contains("up to and including " + YEAR + "-10-01",
                "supplementary contracting");
    }

    @Test
    void aRequestNamesTheCriteriaItIsJudgedOnAndAnUnknownCriterionIsRefused() {
        // seed 001: waiting times, alternative care in the region, staff capacity, …
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        serverDate(LocalDate.of(YEAR, 5, 3));
        String contractId = signedFor(insurer, "NEGOTIATED", YEAR, 1_000_000);

        IncreaseRequest named = requestOf(contractId, submit(contractId, Map.of("amountCents", 1_000,
                "grounds", "18 weken wachttijd", "criteria", List.of("WAITING_TIMES", "NO_ALTERNATIVE_CARE"))));
        Api.Response unknown = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests",
                Map.of("amountCents", 1_000, "grounds", "x", "criteria", List.of("WAITING")));

        assertThat(named.criteria()).containsExactly("WAITING_TIMES", "NO_ALTERNATIVE_CARE");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("detail")).contains("criteria", "WAITING_TIMES");
    }

    @Test
    void rejectionReasonsAreKeptAndCountedInTheNzaFigures() {
        // seed 003 §4.2: the NZa asks why requests for more were refused
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        serverDate(LocalDate.of(YEAR, 5, 3));
        String contractId = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);
        String first = submit(contractId, Map.of("amountCents", 1_000, "grounds", "wachtlijst"));
        String second = submit(contractId, Map.of("amountCents", 1_000, "grounds", "wachtlijst"));
        awaitReportingCaughtUp();
        JsonNode before = monitor(YEAR).path("byProviderType");
        String requests = "/api/ceilings/" + ceilingOf(contractId) + "/increase-requests/";

        Ceiling rejected = api.post(requests + first + "/rejection", Map.of("grounds", "voldoende aanbod",
                "reasons", List.of("ALTERNATIVE_CARE_AVAILABLE", "DUTY_OF_CARE_MET"))).as(Ceiling.class);
        api.post(requests + second + "/rejection", Map.of("grounds", "zonder reden"));

        assertThat(rejected.increaseRequests()).filteredOn(r -> r.requestId().equals(first)).singleElement()
                .satisfies(r -> assertThat(r.rejectionReasons()).containsExactly("ALTERNATIVE_CARE_AVAILABLE",
                        "DUTY_OF_CARE_MET"));
        await().untilAsserted(() -> assertThat(difference(before, monitor(YEAR).path("byProviderType")))
                .containsEntry("INSTITUTION.increaseRequestsRejected", 2L)
                .containsEntry("INSTITUTION.rejectionReasons.ALTERNATIVE_CARE_AVAILABLE", 1L)
                .containsEntry("INSTITUTION.rejectionReasons.DUTY_OF_CARE_MET", 1L)
                .containsEntry("INSTITUTION.rejectionReasons.NONE_STATED", 1L));
        Api.Response unknownReason = api.post(requests + submit(contractId, Map.of("amountCents", 1_000,
                "grounds", "x")) + "/rejection", Map.of("grounds", "nee", "reasons", List.of("BECAUSE")));
        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(unknownReason.text("detail")).contains("reasons");
    }

    private String submit(String contractId, Map<String, Object> body) {
        Api.Response answer = api.post("/api/ceilings/" + ceilingOf(contractId) + "/increase-requests", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.text("requestId");
    }

    private IncreaseRequest requestOf(String contractId, String requestId) {
        return readCeiling(ceilingOf(contractId)).increaseRequests().stream()
                .filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
    }

    private static IncreaseRequest only(Ceiling ceiling) {
        assertThat(ceiling.increaseRequests()).hasSize(1);
        return ceiling.increaseRequests().get(0);
    }
}
