package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Declaration monitoring, the monthly series and the purchaser's queue, built from the event stream. */
class MonitoringTest extends ApplicationTest {

    @Test
    void monitoringShowsEachCeilingsFiguresThresholdsPaceAndOpenRequests() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String busy = signedContract(insurer, 1_000_000);
        String quiet = signedContract(insurer, 2_000_000);
        declare(declaration("M-1", busy, 750_000), declaration("M-2", quiet, 100_000));
        String requestId = api.post("/api/ceilings/" + ceilingOf(busy) + "/increase-requests",
                Map.of("amountCents", 200_000, "grounds", "waiting list")).text("requestId");

        String path = "/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR;
        await().untilAsserted(() -> assertThat(api.get(path).body().path("totals").path("openIncreaseRequests").asInt())
                .isEqualTo(1));
        JsonNode view = api.get(path).body();
        assertThat(view.path("totals").path("ceilings").asInt()).isEqualTo(2);
        assertThat(view.path("totals").path("ceilingCents").asLong()).isEqualTo(3_000_000);
        assertThat(view.path("totals").path("declaredCents").asLong()).isEqualTo(850_000);
        assertThat(view.path("totals").path("ceilingsPerThresholdReached").path("70").asInt()).isEqualTo(1);

        JsonNode first = view.path("ceilings").get(0);
        assertThat(first.path("ceilingId").asText()).as("highest utilisation first").isEqualTo(ceilingOf(busy));
        assertThat(first.path("utilisationPercent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(first.path("thresholdsReached").get(0).path("percent").asInt()).isEqualTo(70);
        assertThat(first.path("thresholdsReached").get(0).path("reachedAt").asText()).isNotBlank();
        assertThat(first.path("expectedUtilisationPercent").decimalValue()).isPositive();
        assertThat(first.path("pace").asText()).isIn("AHEAD", "ON_TRACK", "BEHIND");
        JsonNode open = first.path("openIncreaseRequests").get(0);
        assertThat(open.path("requestId").asText()).isEqualTo(requestId);
        assertThat(open.path("daysWaiting").asLong()).isZero();
        assertThat(open.path("overdue").asBoolean()).isFalse();

        JsonNode filtered = api.get(path + "&minUtilisation=50").body();
        assertThat(filtered.path("ceilings")).hasSize(1);
        assertThat(filtered.path("totals").path("declaredCents").asLong()).isEqualTo(750_000);
        assertThat(api.get(path + "&sort=PROVIDER&kind=NEGOTIATED").body().path("ceilings")).isEmpty();
    }

    @Test
    void seriesShowsTheYearMonthByMonthAgainstTheCeilingAndTheEvenSpread() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signedContract(insurer, 1_200_000);
        Map<String, Object> february = declaration("S-2", contractId, 400_000);
        february.put("treatmentDate", YEAR + "-02-10");
        declare(declaration("S-1", contractId, 300_000), february, dated("S-3", contractId, 700_000, YEAR + "-03-03"));
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        api.post(ceiling + "/claw-backs", Map.of("amountCents", 50_000, "reason", "double", "declarationIds",
                List.of("S-1")));
        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 100_000, "grounds", "x"))
                .text("requestId");
        String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 100_000)).text("addendumId");
        api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of());

        String path = "/api/monitoring/ceilings/" + ceilingOf(contractId) + "/series";
        await().untilAsserted(() -> assertThat(api.get(path).body().path("months").path(11).path("ceilingCents").asLong())
                .isEqualTo(1_300_000));
        JsonNode months = api.get(path).body().path("months");
        assertThat(months).hasSize(12);
        assertThat(months.get(0).path("month").asText()).isEqualTo(YEAR + "-01");
        assertThat(months.get(0).path("declaredCents").asLong()).isEqualTo(300_000);
        assertThat(months.get(1).path("cumulativeCountedCents").asLong()).isGreaterThanOrEqualTo(650_000);
        assertThat(months.get(2).path("declaredCents").asLong()).isEqualTo(700_000);
        assertThat(months.get(11).path("cumulativeCountedCents").asLong()).isEqualTo(1_350_000);
        assertThat(months.get(11).path("cumulativePayableCents").asLong()).isEqualTo(1_300_000);
        // the even spread reaches the whole ceiling in December
        assertThat(months.get(11).path("evenSpreadCents").asLong()).isEqualTo(1_300_000);
        assertThat(months.get(0).path("evenSpreadCents").asLong()).isLessThan(months.get(1).path("evenSpreadCents").asLong());
        assertThat(api.get("/api/monitoring/ceilings/no-such-ceiling/series").status()).isEqualTo(404);
    }

    @Test
    void queueListsOpenRequestsOfTheInsurerByDueDateAndDropsDecidedOnes() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String a = "/api/ceilings/" + ceilingOf(signedContract(insurer, 1_000_000));
        String b = "/api/ceilings/" + ceilingOf(signedContract(insurer, 1_000_000));
        String first = api.post(a + "/increase-requests", Map.of("amountCents", 1_000, "grounds", "x")).text("requestId");
        String second = api.post(b + "/increase-requests", Map.of("amountCents", 2_000, "grounds", "y")).text("requestId");
        String decided = api.post(b + "/increase-requests", Map.of("amountCents", 3_000, "grounds", "z")).text("requestId");
        api.post(b + "/increase-requests/" + decided + "/rejection", Map.of("grounds", "alternatives nearby"));

        String path = "/api/monitoring/increase-requests?insurer=" + insurer;
        await().untilAsserted(() -> assertThat(api.get(path).body()).hasSize(2));
        JsonNode queue = api.get(path).body();
        assertThat(queue.get(0).path("requestId").asText()).isEqualTo(first);
        assertThat(queue.get(1).path("requestId").asText()).isEqualTo(second);
        assertThat(queue.get(1).path("amountCents").asLong()).isEqualTo(2_000);
        assertThat(api.get("/api/monitoring/increase-requests?insurer=" + newInsurer()).body()).isEmpty();
    }

    /** Issue 12, finding 6: one huge ceiling at a slow pace made the whole insurer-year's monitoring answer 500. */
    @Test
    void aHugeCeilingAtASlowPaceLastsTheYearAndTheInsurersMonitoringStillAnswers() {
        String insurer = newInsurer();
        String huge = signedContract(insurer, 10_000_000_000_000L);
        Map<String, Object> recent = declaration("H-1-" + huge, huge, 1);
        recent.put("treatmentDate", LocalDate.now(DomainTime.AMSTERDAM).toString());
        assertThat(declare(recent).status()).isEqualTo(200);

        String path = "/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR;
        await().untilAsserted(() -> assertThat(api.get(path).body().path("totals").path("declaredCents").asLong())
                .isEqualTo(1));
        Api.Response view = api.get(path);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().path("ceilings").get(0).path("projectedExhaustionDate").isNull()).isTrue();
    }

    @Test
    void monitoringRefusesBadParameters() {
        assertThat(api.get("/api/monitoring/ceilings?year=" + YEAR).status()).isEqualTo(400);
        assertThat(api.get("/api/monitoring/ceilings?insurer=12&year=" + YEAR).status()).isEqualTo(400);
        assertThat(api.get("/api/monitoring/ceilings?insurer=1234&year=abc").status()).isEqualTo(400);
        Api.Response sort = api.get("/api/monitoring/ceilings?insurer=1234&year=" + YEAR + "&sort=SIDEWAYS");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, Object> dated(String id, String contractId, long cents, String date) {
        Map<String, Object> line = declaration(id, contractId, cents);
        line.put("treatmentDate", date);
        return line;
    }
}
