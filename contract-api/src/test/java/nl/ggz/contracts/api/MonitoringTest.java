package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.Month;
import nl.ggz.contracts.api.Responses.Monitoring;
import nl.ggz.contracts.api.Responses.MonitoringRow;
import nl.ggz.contracts.api.Responses.OpenIncreaseRequest;
import nl.ggz.contracts.api.Responses.Series;
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
        await().untilAsserted(() -> assertThat(monitoring(path).totals().openIncreaseRequests()).isEqualTo(1));
        Monitoring view = monitoring(path);
        assertThat(view.totals().ceilings()).isEqualTo(2);
        assertThat(view.totals().ceilingCents()).isEqualTo(3_000_000);
        assertThat(view.totals().declaredCents()).isEqualTo(850_000);
        assertThat(view.totals().ceilingsPerThresholdReached().get(70)).isEqualTo(1);

        MonitoringRow first = view.ceilings().get(0);
        assertThat(first.ceilingId()).as("highest utilisation first").isEqualTo(ceilingOf(busy));
        assertThat(first.utilisationPercent()).isEqualByComparingTo("75.00");
        assertThat(first.thresholdsReached().get(0).percent()).isEqualTo(70);
        assertThat(first.thresholdsReached().get(0).reachedAt()).isNotNull();
        assertThat(first.expectedUtilisationPercent()).isPositive();
        assertThat(first.pace()).isIn("AHEAD", "ON_TRACK", "BEHIND");
        OpenIncreaseRequest open = first.openIncreaseRequests().get(0);
        assertThat(open.requestId()).isEqualTo(requestId);
        assertThat(open.daysWaiting()).isZero();
        assertThat(open.overdue()).isFalse();

        Monitoring filtered = monitoring(path + "&minUtilisation=50");
        assertThat(filtered.ceilings()).hasSize(1);
        assertThat(filtered.totals().declaredCents()).isEqualTo(750_000);
        assertThat(monitoring(path + "&sort=PROVIDER&kind=NEGOTIATED").ceilings()).isEmpty();
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
        await().untilAsserted(() -> assertThat(series(path).months().get(11).ceilingCents()).isEqualTo(1_300_000));
        List<Month> months = series(path).months();
        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).isEqualTo(YEAR + "-01");
        assertThat(months.get(0).declaredCents()).isEqualTo(300_000);
        assertThat(months.get(1).cumulativeCountedCents()).isGreaterThanOrEqualTo(650_000);
        assertThat(months.get(2).declaredCents()).isEqualTo(700_000);
        assertThat(months.get(11).cumulativeCountedCents()).isEqualTo(1_350_000);
        assertThat(months.get(11).cumulativePayableCents()).isEqualTo(1_300_000);
        // the even spread reaches the whole ceiling in December
        assertThat(months.get(11).evenSpreadCents()).isEqualTo(1_300_000);
        assertThat(months.get(0).evenSpreadCents()).isLessThan(months.get(1).evenSpreadCents());
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
        await().untilAsserted(() -> assertThat(queue(path)).hasSize(2));
        List<OpenIncreaseRequest> queue = queue(path);
        assertThat(queue.get(0).requestId()).isEqualTo(first);
        assertThat(queue.get(1).requestId()).isEqualTo(second);
        assertThat(queue.get(1).amountCents()).isEqualTo(2_000);
        assertThat(queue("/api/monitoring/increase-requests?insurer=" + newInsurer())).isEmpty();
    }

    /** Issue 12, finding 6: one huge ceiling at a slow pace made the whole insurer-year's monitoring answer 500. */
    @Test
    void aHugeCeilingAtASlowPaceLastsTheYearAndTheInsurersMonitoringStillAnswers() {
        String insurer = newInsurer();
        String huge = signedContract(insurer, 10_000_000_000_000L);
        Map<String, Object> recent = declaration("H-1-" + huge, huge, 1);
        recent.put("treatmentDate", today().toString());
        assertThat(declare(recent).status()).isEqualTo(200);

        String path = "/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR;
        await().untilAsserted(() -> assertThat(monitoring(path).totals().declaredCents()).isEqualTo(1));
        Api.Response view = api.get(path);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.as(Monitoring.class).ceilings().get(0).projectedExhaustionDate()).isNull();
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

    private Monitoring monitoring(String path) {
        return api.get(path).as(Monitoring.class);
    }

    private Series series(String path) {
        return api.get(path).as(Series.class);
    }

    private List<OpenIncreaseRequest> queue(String path) {
        return api.get(path).asList(OpenIncreaseRequest.class);
    }

    private static Map<String, Object> dated(String id, String contractId, long cents, String date) {
        Map<String, Object> line = declaration(id, contractId, cents);
        line.put("treatmentDate", date);
        return line;
    }
}
