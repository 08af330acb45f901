package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import nl.ggz.contracts.api.Api;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser (the machine's Chromium) on the demo data: each role signs in at the trial's identity
 * provider,
 * opens its pages, and the figures shown are compared with the API's answers for the same caller. A full-page
 * screenshot of every page goes to {@code target/screenshots}. The same application context as DemoDataTest (demo
 * on, scale 10), so Spring starts it once for both.
 */
class PagesBrowserTest extends BrowserTest {
    @Test
    void aVisitorWithoutASessionSignsInAndLandsOnThePageAskedFor() {
        String insurer = insurerWithMostOpenRequests();
        page.navigate(url("/requests.html"));
        // straight on to the identity provider's login form
        page.waitForURL("**/login");
        screenshot("sign-in");
        signInOnThisPage("PURCHASER", insurer);
        page.waitForURL("**/requests.html");
        assertThat(page.locator("#who").textContent()).contains("purchaser, insurer " + insurer);
    }

    @Test
    void aPurchaserSeesItsContractsWithTheUtilisationTheApiGives() {
        String insurer = insurerWithMostOpenRequests();
        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        signIn("PURCHASER", insurer);
        assertThat(page.locator("header nav a").allTextContents())
                .containsExactly("Contracts", "Increase requests", "Patient stops", "Yearly renewal");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            JsonNode contracts = ok(purchaser.get("/api/contracts?year=" + YEAR));
            JsonNode monitoring = ok(purchaser.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR));
            assertThat(page.locator("#contracts tbody tr").count()).isEqualTo(contracts.size());
            assertThat(monitoring.path("ceilings").size()).isPositive();
            for (JsonNode ceiling : monitoring.path("ceilings")) {
                Locator row = page.locator("tr[data-contract='" + ceiling.path("contractId").asText() + "']");
                assertThat(row.locator("td.ceiling").textContent()).isEqualTo(Euros.of(ceiling.path("ceilingCents").asLong()));
                assertThat(row.locator("td.payable").textContent()).isEqualTo(Euros.of(ceiling.path("payableCents").asLong()));
                assertThat(shownPercent(row.locator(".utilisation-percent").textContent()))
                        .isCloseTo(ceiling.path("utilisationPercent").decimalValue(), within(new BigDecimal("0.05")));
            }
            JsonNode totals = monitoring.path("totals");
            assertThat(page.locator("#total-ceilings").textContent()).isEqualTo(totals.path("ceilings").asText());
            assertThat(page.locator("#total-ceiling").textContent()).isEqualTo(Euros.of(totals.path("ceilingCents").asLong()));
            assertThat(page.locator("#total-payable").textContent()).isEqualTo(Euros.of(totals.path("payableCents").asLong()));
            assertThat(page.locator("#total-unpaid").textContent()).isEqualTo(Euros.of(totals.path("unpaidCents").asLong()));
        });
        screenshot("contracts");

        // the filters are the API's filters
        page.selectOption("#status", "EXPIRED");
        ready();
        int expired = ok(purchaser.get("/api/contracts?year=" + YEAR + "&status=EXPIRED")).size();
        assertThat(page.locator("#contracts tbody tr").count()).isEqualTo(expired);
        page.selectOption("#status", "");
        ready();
        String provider = page.locator("#contracts tbody tr td a").first().textContent();
        page.fill("#provider", provider);
        page.click("button[type=submit]");
        ready();
        assertThat(page.locator("#contracts tbody tr").count())
                .isEqualTo(ok(purchaser.get("/api/contracts?year=" + YEAR + "&provider=" + provider)).size())
                .isPositive();
    }

    @Test
    void theContractPageShowsTheCeilingChartAndTimelineOfTheApi() {
        // the contract that shows the most: a ceiling raised by an addendum, with a claw-back
        JsonNode chosen = insurers().stream().flatMap(i -> rows(ok(api.as(Api.Identity.regulator())
                        .get("/api/monitoring/ceilings?insurer=" + i + "&year=" + YEAR)).path("ceilings")).stream())
                .max(Comparator.comparingInt((JsonNode r) -> (r.path("ceilingCents").asLong()
                        > r.path("initialCeilingCents").asLong() ? 2 : 0) + (r.path("clawedBackCents").asLong() > 0 ? 1 : 0))
                        .thenComparing(r -> r.path("utilisationPercent").decimalValue()))
                .orElseThrow();
        String insurer = chosen.path("insurerUzovi").asText();
        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        String contractId = chosen.path("contractId").asText();
        String ceilingId = chosen.path("ceilingId").asText();
        signIn("PURCHASER", insurer);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.navigate(url("/contract.html?id=" + contractId + "&year=" + YEAR));
            ready();
            JsonNode contract = ok(purchaser.get("/api/contracts/" + contractId));
            JsonNode ceiling = ok(purchaser.get("/api/ceilings/" + ceilingId));
            JsonNode series = ok(purchaser.get("/api/monitoring/ceilings/" + ceilingId + "/series"));
            JsonNode timeline = ok(purchaser.get("/api/contracts/" + contractId + "/timeline"));
            assertThat(page.locator("#status").textContent()).isEqualTo(contract.path("status").asText());
            Map.of("#initial-ceiling", "initialCeilingCents", "#ceiling-in-force", "ceilingCents",
                    "#declared", "declaredCents", "#clawed-back", "clawedBackCents", "#payable", "payableCents",
                    "#unpaid", "unpaidCents").forEach((selector, field) -> assertThat(page.locator(selector)
                    .textContent()).as(field).isEqualTo(Euros.of(ceiling.path(field).asLong())));
            // the chart: the payable line to this month, a mark per addendum that raised the ceiling, per claw-back
            Locator chart = page.locator("#ceiling-chart");
            assertThat(chart.locator("path.payable").count()).isEqualTo(1);
            assertThat(chart.locator("path.ceiling").count()).isEqualTo(1);
            assertThat(chart.locator("path.mark70").count()).isEqualTo(1);
            assertThat(chart.locator("path.even").count()).isEqualTo(1);
            List<JsonNode> months = rows(series.path("months"));
            long raises = 0;
            long before = series.path("initialCeilingCents").asLong();
            for (JsonNode month : months) {
                raises += month.path("ceilingCents").asLong() > before ? 1 : 0;
                before = month.path("ceilingCents").asLong();
            }
            assertThat(chart.locator("path.addendum").count()).isEqualTo(raises);
            assertThat(chart.locator("path.clawback").count())
                    .isEqualTo(months.stream().filter(m -> m.path("clawedBackCents").asLong() > 0).count());
            String thisMonth = YearMonth.now(DomainTime.AMSTERDAM).toString();
            months.stream().filter(m -> m.path("month").asText().equals(thisMonth)).findFirst().ifPresent(m ->
                    assertThat(chart.locator("text.payable-label").textContent())
                            .isEqualTo(Euros.of(m.path("cumulativePayableCents").asLong())));
            assertThat(page.locator("#months tbody tr").count()).isEqualTo(months.size());
            assertThat(page.locator("#timeline tbody tr").count()).isEqualTo(timeline.size());
            assertThat(page.locator("#timeline tbody").textContent())
                    .contains(timeline.get(0).path("description").asText());
        });
        screenshot("contract");

        // another insurer's contract is "not found", and the page says so in the API's words
        page.navigate(url("/contract.html?id=no-such-contract"));
        ready();
        assertThat(page.locator("#message").textContent()).contains("no contract with id no-such-contract");
    }

    @Test
    void aPurchaserApprovesAnIncreaseRequestFromTheQueue() {
        String insurer = insurerWithMostOpenRequests();
        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        signIn("PURCHASER", insurer);
        page.navigate(url("/requests.html"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            List<JsonNode> queue = rows(ok(purchaser.get("/api/monitoring/increase-requests?insurer=" + insurer)));
            assertThat(queue).isNotEmpty();
            assertThat(page.locator("#queue tbody tr").evaluateAll("rows => rows.map(r => r.dataset.request)"))
                    .as("the API's order: overdue first, then by due date")
                    .isEqualTo(queue.stream().map(r -> r.path("requestId").asText()).toList());
            for (JsonNode request : queue) {
                Locator row = page.locator("tr[data-request='" + request.path("requestId").asText() + "']");
                assertThat(row.locator("td.requested").textContent()).isEqualTo(Euros.of(request.path("amountCents").asLong()));
                assertThat(row.locator(".badge.bad").count()).isEqualTo(request.path("overdue").asBoolean() ? 1 : 0);
            }
        });
        screenshot("increase-requests");

        JsonNode request = requestToApprove(insurer);
        String requestId = request.path("requestId").asText();
        long approved = request.path("amountCents").asLong() / 200 * 100; // half, in whole euros
        Locator row = page.locator("tr[data-request='" + requestId + "']");
        row.locator("input.amount").fill(Euros.of(approved).substring(2));
        row.locator("button.approve").click();
        page.locator(".message.ok").waitFor();
        ready();
        assertThat(page.locator(".message.ok").textContent()).contains("Approved " + Euros.of(approved));
        assertThat(page.locator("tr[data-request='" + requestId + "']").count()).isZero();
        JsonNode decided = rows(ok(purchaser.get("/api/ceilings/" + request.path("ceilingId").asText()))
                .path("increaseRequests")).stream()
                .filter(r -> r.path("requestId").asText().equals(requestId)).findFirst().orElseThrow();
        assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.path("approvedCents").asLong()).isEqualTo(approved);
        screenshot("increase-requests-after-approval");
    }

    @Test
    void thePatientStopReportShowsTheApisCountsAndDurations() {
        String insurer = insurerWithMostStops();
        Api purchaser = api.as(Api.Identity.purchaser(insurer));
        signIn("PURCHASER", insurer);
        page.navigate(url("/patient-stops.html"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            JsonNode report = ok(purchaser.get("/api/reports/patient-stops?insurer=" + insurer + "&year=" + YEAR));
            assertThat(report.path("stops").size()).isPositive();
            assertThat(page.locator("#stop-count").textContent()).isEqualTo(String.valueOf(report.path("stops").size()));
            assertThat(page.locator("#open-stops").textContent()).isEqualTo(report.path("openStops").asText());
            assertThat(page.locator("#contracts-at-ceiling").textContent())
                    .isEqualTo(report.path("contractsAtCeiling").asText());
            assertThat(page.locator("#exhausted-without-stop").textContent())
                    .isEqualTo(report.path("ceilingsExhaustedWithoutStop").asText());
            report.path("byReason").fields().forEachRemaining(reason -> assertThat(
                    page.locator("#reason-" + reason.getKey()).textContent()).isEqualTo(reason.getValue().asText()));
            report.path("byDuration").fields().forEachRemaining(bucket -> assertThat(
                    page.locator("#duration text.bar-value[data-bucket=" + bucket.getKey() + "]").textContent())
                    .as(bucket.getKey()).isEqualTo(bucket.getValue().asText()));
            assertThat(page.locator("#stops tbody tr").count()).isEqualTo(report.path("stops").size());
        });
        screenshot("patient-stops");
    }

    @Test
    void theRegulatorSeesTheContractingMonitorFiguresOfTheApi() {
        signIn("REGULATOR", null);
        assertThat(page.locator("header nav a").allTextContents())
                .containsExactly("Contracts", "Patient stops", "Contracting monitor", "Audit export");
        page.navigate(url("/monitor.html"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            JsonNode monitor = ok(api.as(Api.Identity.regulator()).get("/api/reports/contracting-monitor?year=" + YEAR));
            monitor.path("byProviderType").fields().forEachRemaining(type -> {
                for (String figure : List.of("contracts", "contractsAtCeiling", "contractsAtCeilingWithStop",
                        "increaseRequests", "increaseRequestsHonoured", "increaseRequestsRejected",
                        "increaseRequestsOverdue", "stopsByReason.CEILING_REACHED", "stopsByReason.CAPACITY",
                        "stopsByDuration.UNDER_1_MONTH", "stopsByDuration.ONGOING",
                        "decisionLeadTimes.WITHIN_4_WEEKS", "decisionLeadTimes.ONE_TO_3_MONTHS",
                        "decisionLeadTimes.OPEN")) {
                    JsonNode value = type.getValue();
                    for (String step : figure.split("\\.")) {
                        value = value.path(step);
                    }
                    assertThat(cell(type.getKey(), figure)).as(type.getKey() + " " + figure).isEqualTo(value.asText());
                }
                JsonNode share = type.getValue().path("shareHonoured");
                if (!share.isNull()) {
                    assertThat(shownPercent(cell(type.getKey(), "shareHonoured")))
                            .isCloseTo(share.decimalValue(), within(new BigDecimal("0.05")));
                }
            });
        });
        screenshot("contracting-monitor");
        // the regulator picks the insurer on the contracts page
        page.navigate(url("/contracts.html"));
        ready();
        assertThat(page.locator("#insurer option").count()).isEqualTo(10);
        screenshot("contracts-regulator");
    }

    @Test
    void theRegulatorExportsTheAuditHistoryWithAProgressBarAndSavesIt() throws IOException {
        String insurer = insurerWithMostStops();
        signIn("REGULATOR", null);
        page.navigate(url("/audit.html"));
        ready();
        page.selectOption("#insurer", insurer);
        page.click("#export");
        page.locator("#save").waitFor();
        ready();
        long lines = Long.parseLong(page.locator("#progress-text").getAttribute("data-lines"));
        long horizon = Long.parseLong(page.locator("#progress-text").getAttribute("data-horizon"));
        assertThat(page.locator("#progress").evaluate("p => p.value")).isEqualTo(100);
        // the API's export of the same filter, cut at the horizon the page's export covered
        Api.Text export = api.as(Api.Identity.regulator()).getText("/api/audit/events?insurer=" + insurer + "&year="
                + YEAR, "application/x-ndjson");
        long expected = export.body().lines().filter(line -> !line.isBlank())
                .filter(line -> position(line) <= horizon).count();
        assertThat(lines).isEqualTo(expected).isPositive();
        screenshot("audit-export");

        Download download = page.waitForDownload(() -> page.click("#save"));
        Path saved = SCREENSHOTS.resolve("audit-export.ndjson");
        download.saveAs(saved);
        assertThat(Files.readAllLines(saved).stream().filter(line -> !line.isBlank()).count()).isEqualTo(lines);

        Download bundle = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(120_000),
                () -> page.click("#bundle"));
        assertThat(bundle.suggestedFilename()).isEqualTo("ggz-audit-" + insurer + "-" + YEAR + ".zip");
        Path zip = SCREENSHOTS.resolve(bundle.suggestedFilename());
        bundle.saveAs(zip);
        assertThat(Files.size(zip)).isPositive();
    }

    @Test
    void aProviderSeesOnlyItsOwnContracts() {
        JsonNode any = ok(api.as(Api.Identity.regulator()).get("/api/contracts?year=" + YEAR + "&status=SIGNED"))
                .get(0);
        String agb = any.path("providerAgb").asText();
        signIn("PROVIDER", agb);
        assertThat(page.locator("header nav a").allTextContents()).containsExactly("Contracts");
        JsonNode own = ok(api.as(Api.Identity.provider(agb)).get("/api/contracts?year=" + YEAR));
        assertThat(page.locator("#contracts tbody tr").count()).isEqualTo(own.size()).isPositive();
        assertThat(page.locator("#contracts tbody tr td:first-child").allTextContents()).containsOnly(agb);
        screenshot("contracts-provider");
    }

    // --- helpers






    private String cell(String providerType, String figure) {
        return page.locator("td[data-type=" + providerType + "][data-figure='" + figure + "']").textContent();
    }

    /** "71,4 %" → 71.4 */
    private static BigDecimal shownPercent(String text) {
        return new BigDecimal(text.replace("%", "").replace(",", ".").strip());
    }

    private static long position(String ndjsonLine) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(ndjsonLine).path("position").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }




    private List<JsonNode> queue(String insurer) {
        return rows(ok(api.as(Api.Identity.regulator()).get("/api/monitoring/increase-requests?insurer=" + insurer)));
    }

    private String insurerWithMostOpenRequests() {
        return insurers().stream().max(Comparator.comparingInt((String i) -> queue(i).size())
                .thenComparing(Comparator.reverseOrder())).orElseThrow();
    }

    private String insurerWithMostStops() {
        return insurers().stream().max(Comparator.comparingInt((String i) -> ok(api.as(Api.Identity.regulator())
                .get("/api/reports/patient-stops?insurer=" + i + "&year=" + YEAR)).path("stops").size())
                .thenComparing(Comparator.reverseOrder())).orElseThrow();
    }

    /**
     * A request whose approval leaves the demo as DemoDataTest (same application) expects it: overdue and waiting
     * requests both still in some queue.
     */
    private JsonNode requestToApprove(String insurer) {
        List<JsonNode> all = insurers().stream().flatMap(i -> queue(i).stream()).toList();
        long overdue = all.stream().filter(r -> r.path("overdue").asBoolean()).count();
        long waiting = all.size() - overdue;
        return queue(insurer).stream()
                .filter(r -> r.path("overdue").asBoolean() ? overdue >= 2 : waiting >= 2)
                .findFirst().orElseThrow(() -> new AssertionError("no request of " + insurer + " can be decided"));
    }

}
