package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import nl.ggz.contracts.api.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purchasers and providers act from the pages, in the machine's Chromium: each action is taken through a form and
 * then checked in the API. The same application context as PagesBrowserTest and DemoDataTest (demo on, scale 10), so
 * Spring starts it once. Every test works on contracts of its own (a new provider of a demo insurer), and leaves the
 * demo's cases as DemoDataTest expects them: it only adds contracts, a request, a claw-back and a lifted stop.
 */
class PageActionsBrowserTest extends BrowserTest {
    /** VGZ in the demo: its policy follows the defaults. */
    private static final String INSURER = "7095";

    @Test
    void aPurchaserOffersAContractThroughTheFormAndTheProviderSignsItOnItsPage() {
        String provider = newProvider();
        int year = YEAR + 1;
        signIn("PURCHASER", INSURER);
        assertThat(page.locator("#offer-section").isVisible()).isTrue();
        page.click("#offer-section summary");
        page.fill("#offer-provider", provider);
        page.selectOption("#offer-type", "INSTITUTION");
        page.selectOption("#offer-kind", "DIGITAL");
        page.fill("#offer-start", year + "-01-01");
        page.fill("#offer-end", year + "-12-31");
        page.fill("#offer-settings", "2, 3");
        page.fill("#offer-tariff", "92,50");
        page.fill("#offer-ceiling", "1.234.567,89");
        screenshot("offer-contract-form");
        page.click("#offer-button");
        page.waitForURL("**/contract.html?id=**");
        ready();
        String contractId = param(page.url(), "id");
        assertThat(page.locator("#status").textContent()).isEqualTo("OFFERED");
        // the purchaser may withdraw its offer, not sign it
        assertThat(page.locator("#withdraw-form").isVisible()).isTrue();
        assertThat(page.locator("#sign-form").isVisible()).isFalse();
        screenshot("offered-contract");

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#withdraw-form").isVisible()).isFalse();
        assertThat(page.locator("#decline-form").isVisible()).isTrue();
        page.fill("#sign-by", "dr. Jansen");
        page.click("#sign-button");
        okMessage("Signed by dr. Jansen");
        assertThat(page.locator("#status").textContent()).isEqualTo("SIGNED");
        assertThat(page.locator("#sign-form").isVisible()).isFalse();
        assertThat(page.locator("#ceiling-in-force").textContent()).isEqualTo(Euros.of(123_456_789));
        screenshot("contract-signed-by-provider");

        JsonNode contract = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId));
        assertThat(contract.path("status").asText()).isEqualTo("SIGNED");
        assertThat(contract.path("insurerUzovi").asText()).isEqualTo(INSURER);
        assertThat(contract.path("providerAgb").asText()).isEqualTo(provider);
        assertThat(contract.path("ceilingCents").asLong()).isEqualTo(123_456_789L);
        assertThat(contract.path("tariffPercentage").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(contract.path("signedBy").asText()).isEqualTo("dr. Jansen");
        assertThat(rows(contract.path("ceilings"))).singleElement()
                .satisfies(c -> assertThat(c.path("ceilingCents").asLong()).isEqualTo(123_456_789L));
    }

    @Test
    void aProviderRequestsAnIncreaseThePurchaserSeesItInTheQueueAndTheProviderSignsTheAddendum() {
        // next year's ceiling, with a policy whose increase window is open today (the demo's windows have closed)
        int year = YEAR + 1;
        Api.Response policy = api.put("/api/policies/" + INSURER + "/" + year, Map.of(
                "increaseWindowStart", YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", year + "-07-31T17:00:00+02:00"));
        assertThat(policy.status()).as(policy.body().toString()).isEqualTo(200);
        String provider = newProvider();
        String contractId = signedContractOf(provider, year, 100_000_000L);
        String ceilingId = contractId + "-" + year;

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#claw-back-form").isVisible()).isFalse();
        assertThat(page.locator("#addendum-form").isVisible()).isFalse();
        page.fill("#increase-amount", "50.000,00");
        page.fill("#increase-grounds", "the waiting list doubled since the summer");
        page.locator("#increase-criteria").selectOption(new String[]{"WAITING_TIMES", "STAFF_CAPACITY"});
        page.click("#increase-button");
        okMessage("Requested an increase of € 50.000,00");
        JsonNode request = rows(ok(api.as(Api.Identity.provider(provider)).get("/api/ceilings/" + ceilingId))
                .path("increaseRequests")).stream().findFirst().orElseThrow();
        assertThat(request.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(request.path("amountCents").asLong()).isEqualTo(5_000_000L);
        // seed 001: the request names the criteria it meets
        assertThat(rows(request.path("criteria")).stream().map(JsonNode::asText).toList())
                .containsExactlyInAnyOrder("WAITING_TIMES", "STAFF_CAPACITY");
        String requestId = request.path("requestId").asText();
        assertThat(page.locator("#requests tbody").textContent()).contains("the waiting list doubled since the summer");
        screenshot("increase-requested-by-provider");

        signIn("PURCHASER", INSURER);
        page.navigate(url("/requests.html"));
        Locator row = page.locator("tr[data-request='" + requestId + "']");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.reload();
            ready();
            assertThat(row.count()).isEqualTo(1);
        });
        assertThat(row.locator("td.requested").textContent()).isEqualTo(Euros.of(5_000_000));
        assertThat(row.textContent()).contains(provider, "the waiting list doubled since the summer");
        screenshot("increase-request-in-queue");
        row.locator("input.amount").fill("30.000,00");
        row.locator("button.approve").click();
        okMessage("Approved € 30.000,00");

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#addendum-form").isVisible()).isTrue();
        assertThat(page.locator("#addendum-choice option").textContent()).startsWith(Euros.of(3_000_000));
        page.click("#addendum-button");
        okMessage("Addendum signed");
        assertThat(page.locator("#addendum-form").isVisible()).isFalse();
        assertThat(page.locator("#ceiling-in-force").textContent()).isEqualTo(Euros.of(103_000_000));
        screenshot("addendum-signed-by-provider");
        JsonNode ceiling = ok(api.as(Api.Identity.regulator()).get("/api/ceilings/" + ceilingId));
        assertThat(ceiling.path("ceilingCents").asLong()).isEqualTo(103_000_000L);
        assertThat(ceiling.path("addenda").get(0).path("signedBy").asText()).isEqualTo("zorgaanbieder-" + provider);
    }

    @Test
    void aPurchaserIssuesAClawBackAndTheCeilingCountsExactlyTheAmountEntered() {
        String provider = newProvider();
        String contractId = signedContractOf(provider, YEAR, 10_000_000L);
        String first = "ZPM-PAGE-1-" + provider;
        String second = "ZPM-PAGE-2-" + provider;
        Api.Response declared = declare(declaration(first, contractId, 200_000), declaration(second, contractId, 150_000));
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(200);

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId + "&year=" + YEAR));
        ready();
        assertThat(page.locator("#increase-form").isVisible()).isFalse();
        assertThat(page.locator("#terminate-form").isVisible()).isTrue();
        // issue 17: the purchaser picks the declarations from the ceiling's list, with their amounts (the list may lag
        // the claims batch by about a second)
        Locator firstLine = page.locator("#claw-back-lines tr[data-declaration='" + first + "']");
        Locator secondLine = page.locator("#claw-back-lines tr[data-declaration='" + second + "']");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            page.reload();
            ready();
            assertThat(secondLine.count()).isEqualTo(1);
        });
        assertThat(firstLine.textContent()).contains(Euros.of(200_000));
        assertThat(page.locator("#claw-back-lines tbody tr").count()).isEqualTo(2);
        // nothing picked: the page says so, nothing is sent
        page.fill("#claw-back-amount", "5.000,00");
        page.fill("#claw-back-reason", "coded as a longer treatment than given");
        page.click("#claw-back-button");
        page.locator(".message.error").waitFor();
        assertThat(page.locator(".message.error").textContent()).contains("Pick at least one declaration");
        // a refusal is shown in the API's own words
        firstLine.locator("input[type=checkbox]").check();
        secondLine.locator("input[type=checkbox]").check();
        page.click("#claw-back-button");
        page.locator(".message.error").waitFor();
        ready();
        assertThat(page.locator(".message.error").textContent()).contains("is more than the");
        assertThat(ok(api.as(Api.Identity.regulator()).get("/api/ceilings/" + ceilingOf(contractId)))
                .path("clawedBackCents").asLong()).isZero();

        page.fill("#claw-back-amount", "2.500,50");
        page.click("#claw-back-button");
        okMessage("Clawed back € 2.500,50");
        // charged in the order of the list: all 2.000,00 of the first, 500,50 of the second, as the picker shows once
        // the list has it; nothing is left of the first to pick again
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            page.reload();
            ready();
            assertThat(secondLine.textContent()).contains(Euros.of(50_050), Euros.of(99_950));
            assertThat(firstLine.locator("input[type=checkbox]").isDisabled()).isTrue();
        });
        assertThat(page.locator("#clawed-back").textContent()).isEqualTo(Euros.of(250_050));
        assertThat(page.locator("#claw-backs tbody").textContent()).contains("coded as a longer treatment than given");
        screenshot("claw-back-issued");
        JsonNode ceiling = ok(api.as(Api.Identity.regulator()).get("/api/ceilings/" + ceilingOf(contractId)));
        assertThat(ceiling.path("clawedBackCents").asLong()).isEqualTo(250_050L);
        assertThat(ceiling.path("declaredCents").asLong()).isEqualTo(350_000L);
    }

    @Test
    void aProviderAnnouncesAPatientStopAndLiftsIt() {
        String provider = newProvider();
        String contractId = signedContractOf(provider, YEAR, 10_000_000L);

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#lift-form").isVisible()).isFalse();
        page.selectOption("#stop-reason", "CAPACITY");
        page.fill("#stop-from", YEAR + "-03-01");
        page.click("#stop-button");
        okMessage("Patient stop announced from " + YEAR + "-03-01");
        assertThat(page.locator("#stop-form").isVisible()).isFalse();
        assertThat(page.locator("#lift-form").isVisible()).isTrue();
        assertThat(page.locator("[data-fact='Patient stops']").textContent())
                .isEqualTo("capacity from " + YEAR + "-03-01, ongoing");
        screenshot("patient-stop-announced");
        JsonNode stop = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId))
                .path("patientStops").get(0);
        assertThat(stop.path("reason").asText()).isEqualTo("CAPACITY");
        assertThat(stop.path("to").isNull()).isTrue();

        page.fill("#lift-to", YEAR + "-04-15");
        page.click("#lift-button");
        okMessage("The patient stop is lifted");
        assertThat(page.locator("#lift-form").isVisible()).isFalse();
        assertThat(page.locator("#stop-form").isVisible()).isTrue();
        assertThat(page.locator("[data-fact='Patient stops']").textContent())
                .isEqualTo("capacity from " + YEAR + "-03-01 to " + YEAR + "-04-15");
        screenshot("patient-stop-lifted");
        JsonNode lifted = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId))
                .path("patientStops").get(0);
        assertThat(lifted.path("from").asText()).isEqualTo(YEAR + "-03-01");
        assertThat(lifted.path("to").asText()).isEqualTo(YEAR + "-04-15");
    }

    @Test
    void aProviderCounterProposesOnANegotiatedOfferAndThePurchaserWithdrawsIt() {
        String provider = newProvider();
        int year = YEAR + 1;
        Map<String, Object> body = offerBody(INSURER, "NEGOTIATED", 80_000_000L);
        body.put("providerAgb", provider);
        body.put("termStart", year + "-01-01");
        body.put("termEnd", year + "-12-31");
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        page.fill("#proposal-ceiling", "950.000");
        page.fill("#proposal-tariff", "95");
        page.click("#proposal-button");
        okMessage("Proposed");
        JsonNode proposed = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId));
        assertThat(proposed.path("ceilingCents").asLong()).isEqualTo(95_000_000L);
        assertThat(proposed.path("tariffPercentage").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(proposed.path("status").asText()).isEqualTo("OFFERED");

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#proposal-form").isVisible()).isTrue();
        assertThat(page.locator("[data-fact='Ceiling per year (offered)']").textContent()).isEqualTo(Euros.of(95_000_000));
        page.fill("#withdraw-reason", "the budget for next year is spent");
        page.click("#withdraw-button");
        okMessage("The offer is withdrawn");
        assertThat(page.locator("#status").textContent()).isEqualTo("WITHDRAWN");
        assertThat(page.locator("#contract-actions").isVisible()).as("nothing left to do").isFalse();
        screenshot("offer-withdrawn");
        assertThat(ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId)).path("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aPurchaserTerminatesASignedContractAsOfTheDateEntered() {
        String provider = newProvider();
        String contractId = signedContractOf(provider, YEAR, 10_000_000L);
        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        page.fill("#terminate-reason", "the provider closed its practice");
        page.fill("#terminate-date", YEAR + "-12-31");
        page.click("#terminate-button");
        okMessage("Terminated as of " + YEAR + "-12-31");
        assertThat(page.locator("#status").textContent()).isEqualTo("TERMINATED");
        assertThat(page.locator("#terminate-form").isVisible()).isFalse();
        JsonNode contract = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId));
        assertThat(contract.path("status").asText()).isEqualTo("TERMINATED");
        assertThat(contract.path("terminationEffectiveDate").asText()).isEqualTo(YEAR + "-12-31");
    }

    // --- helpers

    /** A one-year DIGITAL contract of the demo insurer, offered and signed through the API. */
    private String signedContractOf(String provider, int year, long ceilingCents) {
        Map<String, Object> body = offerBody(INSURER, "DIGITAL", ceilingCents);
        body.put("providerAgb", provider);
        body.put("termStart", year + "-01-01");
        body.put("termEnd", year + "-12-31");
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");
        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of());
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

}
