package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import nl.ggz.contracts.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 in the machine's Chromium: the purchaser's queue shows an increase request's state, the criteria it names
 * (seed 001) and its due moment, asks the provider for more information (the clock stops until the provider completes
 * the request) and rejects it with the reasons the NZa counts (seed 003); the contract page shows a settled year and
 * the purchaser settles a year that has ended from it (seed 000: settlement in the year after). Each action is taken
 * through the page and checked in the API. The same application context as the other browser tests and DemoDataTest:
 * every test works on contracts of its own (new providers of a demo insurer), for next year or last year.
 */
class IncreaseQueueAndSettlementBrowserTest extends BrowserTest {
    /** VGZ in the demo: its policy follows the defaults (digital contracts decided within 4 weeks, seed 001). */
    private static final String INSURER = "7095";

    private Api purchaser;

    @BeforeEach
    void asThePurchaser() {
        purchaser = api.as(Api.Identity.purchaser(INSURER));
    }

    @Test
    void theQueueShowsStateCriteriaAndDueMomentAsksForInformationAndRejectsWithReasons_seed001_seed003() {
        // next year's ceiling, with a window open today (the demo's windows of this year may have closed)
        int year = YEAR + 1;
        Api.Response policy = purchaser.put("/api/policies/" + INSURER + "/" + year, Map.of(
                "increaseWindowStart", YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", year + "-07-31T17:00:00+02:00"));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String provider = newProvider();
        String contractId = signedContractOf(INSURER, provider, year, 100_000_000L);
        String ceiling = "/api/ceilings/" + contractId + "-" + year;
        Api asProvider = api.as(Api.Identity.provider(provider));
        Api.Response requested = asProvider.post(ceiling + "/increase-requests", Map.of("amountCents", 4_000_000,
                "grounds", "wachttijd 18 weken", "criteria", List.of("WAITING_TIMES", "NO_ALTERNATIVE_CARE")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        String requestId = requested.text("requestId");

        signIn("PURCHASER", INSURER);
        page.navigate(url("/requests.html"));
        Locator row = page.locator("tr[data-request='" + requestId + "']");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            assertThat(row.count()).isEqualTo(1);
        });
        assertThat(row.locator("[data-state]").getAttribute("data-state")).isEqualTo("SUBMITTED");
        assertThat(row.locator("td.criteria").textContent())
                .contains("waiting times", "no alternative care in the region", "wachttijd 18 weken");
        assertThat(row.locator("[data-criterion]").count()).isEqualTo(2);
        // due at the end of the due day, 4 weeks after the complete request (a digital contract, seed 001)
        JsonNode open = ok(purchaser.get(ceiling)).path("increaseRequests").get(0);
        assertThat(open.path("decisionDueAt").isNull()).isFalse();
        // shown as the day it ends, not as midnight of the next
        String dueDay = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy").format(java.time.Instant
                .parse(open.path("decisionDueAt").asText()).minusMillis(1).atZone(java.time.ZoneId.of("Europe/Amsterdam")));
        assertThat(row.locator("td.due").textContent()).doesNotContain("clock stopped").contains("end of " + dueDay);
        screenshot("increase-queue-state-criteria-due");

        row.locator("input.question").fill("Hoeveel FTE is er per 1 juli beschikbaar?");
        row.locator("button.ask").click();
        okMessage("Asked provider " + provider);
        assertThat(row.locator("[data-state]").getAttribute("data-state")).isEqualTo("INFORMATION_REQUESTED");
        assertThat(row.locator("td.due").textContent()).contains("clock stopped");
        assertThat(row.locator("button.ask").count()).as("asked once, until the provider answers").isZero();
        JsonNode asked = ok(purchaser.get(ceiling)).path("increaseRequests").get(0);
        assertThat(asked.path("status").asText()).isEqualTo("INFORMATION_REQUESTED");
        assertThat(asked.path("decisionDueAt").isNull()).isTrue();
        screenshot("increase-queue-information-asked");

        // the provider answers on its contract page; the request is complete and its clock runs again
        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId + "&year=" + year));
        ready();
        assertThat(page.locator("#completion-question").textContent())
                .contains("Hoeveel FTE is er per 1 juli beschikbaar?");
        page.fill("#completion-information", "4,2 FTE per 1 juli");
        page.click("#completion-button");
        okMessage("Sent: the request is complete");
        assertThat(page.locator("#completion-form").isVisible()).isFalse();
        screenshot("increase-information-completed-by-provider");
        JsonNode complete = ok(purchaser.get(ceiling)).path("increaseRequests").get(0);
        assertThat(complete.path("status").asText()).isEqualTo("COMPLETE");
        assertThat(complete.path("information").get(0).path("answer").asText()).isEqualTo("4,2 FTE per 1 juli");

        signIn("PURCHASER", INSURER);
        page.navigate(url("/requests.html"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            assertThat(row.locator("[data-state]").getAttribute("data-state")).isEqualTo("COMPLETE");
        });
        assertThat(row.locator("td.due").textContent()).doesNotContain("clock stopped");

        row.locator("input.grounds").fill("voldoende aanbod in de regio");
        row.locator("select.reasons").selectOption(new String[]{"ALTERNATIVE_CARE_AVAILABLE", "DUTY_OF_CARE_MET"});
        row.locator("button.reject").click();
        okMessage("Rejected the request of provider " + provider);
        assertThat(page.locator(".message").textContent()).contains("alternative care available in the region");
        JsonNode rejected = ok(purchaser.get(ceiling)).path("increaseRequests").get(0);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rows(rejected.path("rejectionReasons")).stream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrder("ALTERNATIVE_CARE_AVAILABLE", "DUTY_OF_CARE_MET");
        assertThat(rejected.path("decisionGrounds").asText()).isEqualTo("voldoende aanbod in de regio");
    }

    @Test
    void aPurchaserSettlesAYearThatHasEndedFromTheContractPageAndThePageShowsItSettled_seed000() {
        // last year's contracts of the demo: most settled in March, a few still waiting for the purchaser (seed 000)
        int lastYear = YEAR - 1;
        Map<String, Object> waiting = jdbc.queryForMap("SELECT ceiling_id, insurer_uzovi FROM ceiling_state "
                + "WHERE contract_year = ? AND settled_at IS NULL ORDER BY ceiling_id LIMIT 1", lastYear);
        String ceilingId = (String) waiting.get("ceiling_id");
        String insurer = (String) waiting.get("insurer_uzovi");
        String contractId = ceilingId.substring(0, ceilingId.lastIndexOf('-'));
        String settledId = jdbc.queryForObject("SELECT min(ceiling_id) FROM ceiling_state WHERE contract_year = ? "
                + "AND settled_at IS NOT NULL AND insurer_uzovi = ?", String.class, lastYear, insurer);
        Api asPurchaser = api.as(Api.Identity.purchaser(insurer));

        // a settled year reads as settled, with its final figures; nothing is left to settle on it
        signIn("PURCHASER", insurer);
        String settledContract = settledId.substring(0, settledId.lastIndexOf('-'));
        page.navigate(url("/contract.html?id=" + settledContract + "&year=" + lastYear));
        ready();
        JsonNode settledCeiling = ok(asPurchaser.get("/api/ceilings/" + settledId));
        assertThat(page.locator("#ceiling-settled").isVisible()).isTrue();
        assertThat(page.locator("#settled-payable").textContent())
                .isEqualTo(Euros.of(settledCeiling.path("settlement").path("payableCents").asLong()));
        assertThat(page.locator("#settle-form").isVisible()).isFalse();
        screenshot("ceiling-settled-in-the-demo");

        page.navigate(url("/contract.html?id=" + contractId + "&year=" + lastYear));
        ready();
        assertThat(page.locator("#ceiling-settled").isVisible()).isFalse();
        assertThat(page.locator("#settle-form").isVisible()).isTrue();
        page.click("#settle-button");
        okMessage("The year " + lastYear + " is settled");
        assertThat(page.locator("#settle-form").isVisible()).isFalse();
        assertThat(page.locator("#ceiling-settled").isVisible()).isTrue();
        assertThat(page.locator("#ceiling-settled").textContent()).startsWith("settled ");
        JsonNode ceiling = ok(asPurchaser.get("/api/ceilings/" + ceilingId));
        assertThat(ceiling.path("settledAt").isNull()).isFalse();
        assertThat(page.locator("#settled-payable").textContent())
                .isEqualTo(Euros.of(ceiling.path("settlement").path("payableCents").asLong()));
        assertThat(page.locator("#settled-unpaid").textContent())
                .isEqualTo(Euros.of(ceiling.path("settlement").path("unpaidCents").asLong()));
        screenshot("ceiling-settled-from-the-page");

        // a year still running cannot be settled: the page shows the API's 409 in its own words
        String provider = newProvider();
        String running = signedContractOf(INSURER, provider, YEAR, 1_000_000L);
        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + running + "&year=" + YEAR));
        ready();
        page.click("#settle-button");
        page.locator(".message.error").waitFor();
        ready();
        assertThat(page.locator(".message.error").textContent()).contains("it can be settled from");
        assertThat(ok(purchaser.get("/api/ceilings/" + running + "-" + YEAR)).path("settledAt").isNull()).isTrue();

        // the provider has no settle action
        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + running + "&year=" + YEAR));
        ready();
        assertThat(page.locator("#settle-form").isVisible()).isFalse();
    }

}
