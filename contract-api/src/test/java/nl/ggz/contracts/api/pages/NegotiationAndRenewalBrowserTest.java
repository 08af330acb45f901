package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import nl.ggz.contracts.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 in the machine's Chromium: a purchaser accepts a provider's proposal before the provider can sign it (seed
 * 000: a contract is concluded "bij overeenstemming"), the proposals read side by side, a purchaser renews one contract
 * with its raised ceiling carried over (seed 001: "inclusief eventuele verhoging") and runs the yearly renewal. Each
 * action is taken through a form and checked in the API. The same application context as the other browser tests and
 * DemoDataTest (demo on, scale 10): every test works on contracts of its own (new providers of a demo insurer) for
 * next year and the year after, and leaves this year's demo as DemoDataTest expects it.
 */
class NegotiationAndRenewalBrowserTest extends BrowserTest {
    /** VGZ in the demo: its policy follows the defaults (institutions: settings 2 and 3 allowed, one-year terms). */
    private static final String INSURER = "7095";
    private static final int NEXT = YEAR + 1;

    private Api purchaser;

    @BeforeEach
    void asThePurchaser() {
        purchaser = api.as(Api.Identity.purchaser(INSURER));
    }

    @Test
    void aPurchaserAcceptsTheProvidersProposalAndThenTheProviderSignsIt_seed000() {
        String provider = newProvider();
        String contractId = negotiatedOffer(provider, 80_000_000L);

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#sign-button").isEnabled()).as("the insurer's own offer can be signed").isTrue();
        page.fill("#proposal-ceiling", "950.000");
        page.fill("#proposal-tariff", "95");
        page.click("#proposal-button");
        okMessage("Proposed");
        // its own proposal: the provider waits for the insurer, and the page says why it cannot sign
        assertThat(page.locator("#sign-button").isDisabled()).isTrue();
        assertThat(page.locator("#sign-waiting").isVisible()).isTrue();
        assertThat(page.locator("#sign-waiting").textContent()).contains("waits for the insurer");
        assertThat(page.locator("#sign-button").getAttribute("aria-describedby")).isEqualTo("sign-waiting");
        assertThat(page.locator("[data-fact='Proposal on the table']").textContent())
                .contains("round 1 by the provider", "awaiting the insurer's acceptance");
        screenshot("proposal-awaiting-acceptance-provider");

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#accept-form").isVisible()).isTrue();
        assertThat(page.locator("#accept-which").textContent()).contains(Euros.of(95_000_000), "95,00 %");
        assertThat(page.locator("#sign-form").isVisible()).isFalse();
        screenshot("proposal-to-accept");
        page.fill("#accept-by", "mw. De Wit");
        page.click("#accept-button");
        okMessage("Accepted by mw. De Wit");
        assertThat(page.locator("#accept-form").isVisible()).isFalse();
        assertThat(page.locator("[data-fact='Proposal on the table']").textContent())
                .contains("accepted by mw. De Wit");
        JsonNode accepted = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId));
        assertThat(accepted.path("proposalAccepted").asBoolean()).isTrue();
        assertThat(accepted.path("awaitingAcceptance").asBoolean()).isFalse();
        assertThat(accepted.path("acceptedBy").asText()).isEqualTo("mw. De Wit");

        signIn("PROVIDER", provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#sign-button").isEnabled()).isTrue();
        assertThat(page.locator("#sign-waiting").isVisible()).isFalse();
        page.fill("#sign-by", "dr. Jansen");
        page.click("#sign-button");
        okMessage("Signed by dr. Jansen");
        assertThat(page.locator("#status").textContent()).isEqualTo("SIGNED");
        assertThat(page.locator("#ceiling-in-force").textContent()).isEqualTo(Euros.of(95_000_000));
        screenshot("accepted-proposal-signed-by-provider");
        JsonNode signed = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId));
        assertThat(signed.path("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.path("ceilingCents").asLong()).isEqualTo(95_000_000L);
        assertThat(signed.path("tariffPercentage").decimalValue()).isEqualByComparingTo("95.00");
    }

    @Test
    void theProposalsSideBySideShowWhoProposedWhatAndWhichIsAccepted_seed000() {
        String provider = newProvider();
        String contractId = negotiatedOffer(provider, 80_000_000L);
        Api asProvider = api.as(Api.Identity.provider(provider));
        propose(asProvider, contractId, Map.of("ceilingCents", 90_000_000L, "tariffPercentage", "96.00"));
        propose(purchaser, contractId, Map.of("ceilingCents", 85_000_000L));
        propose(asProvider, contractId, Map.of("ceilingCents", 87_500_000L, "tariffPercentage", "94.00"));
        Api.Response accepted = purchaser.post("/api/contracts/" + contractId + "/acceptance",
                Map.of("acceptedBy", "dhr. Visser"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        List<JsonNode> rounds = rows(ok(purchaser.get("/api/contracts/" + contractId + "/proposals")));
        assertThat(rounds).hasSize(4);

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        Locator table = page.locator("#proposals");
        assertThat(table.isVisible()).isTrue();
        assertThat(table.locator("thead th[data-round]").allTextContents())
                .containsExactly("Offer", "Round 1", "Round 2", "Round 3");
        assertThat(table.locator("td.proposed-by").allTextContents())
                .containsExactly("the insurer", "the provider", "the insurer", "the provider");
        for (JsonNode round : rounds) {
            String at = "[data-round='" + round.path("round").asInt() + "']";
            assertThat(table.locator("td.ceiling" + at).textContent())
                    .isEqualTo(Euros.of(round.path("ceilingCents").asLong()));
            assertThat(table.locator("td.settings" + at).textContent()).isEqualTo("2, 3");
        }
        assertThat(table.locator("td.tariffs").allTextContents()).containsExactly(
                "92,50 % for every setting", "96,00 % for every setting", "96,00 % for every setting",
                "94,00 % for every setting");
        // the provider's quotes carry the insurer's deadline to answer (seed 002 §6.3); the insurer's rounds none
        assertThat(table.locator("td.answer-due").allTextContents().stream().map(t -> !t.equals("–")).toList())
                .containsExactly(false, true, false, true);
        assertThat(table.locator("td.standing[data-round='0']").textContent()).isEqualTo("superseded");
        assertThat(table.locator("td.standing[data-round='1']").textContent())
                .as("the insurer proposed over it instead of accepting it").isEqualTo("superseded");
        assertThat(table.locator("td.standing[data-round='3']").textContent())
                .contains("on the table", "accepted by dhr. Visser");
        assertThat(table.locator("td.on-the-table").count()).as("one column on the table").isEqualTo(7);
        assertThat(table.locator("td.ceiling.changed").count()).as("every round changed the ceiling").isEqualTo(3);
        screenshot("proposals-side-by-side");

        // the provider signs the accepted round: its column is the signed one
        assertThat(asProvider.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        page.reload();
        ready();
        assertThat(table.locator("td.standing[data-round='3']").textContent()).contains("signed", "accepted by");
        assertThat(table.locator("td.on-the-table").count()).isZero();
    }

    @Test
    void aPurchaserRenewsOneContractAndLandsOnTheNewOfferWithTheRaisedCeilingCarriedOver_seed001() {
        String provider = newProvider();
        String contractId = signedContractOf(INSURER, provider, NEXT, 100_000_000L);
        raise(contractId, provider, 3_000_000L);

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        assertThat(page.locator("#renew-form").isVisible()).isTrue();
        assertThat(page.locator("#renew-ceiling").inputValue()).as("the ceiling in force, the addendum's raise included")
                .isEqualTo(Euros.of(103_000_000).substring(2));
        screenshot("renew-contract-form");
        page.click("#renew-button");
        page.waitForURL(u -> u.contains("/contract.html?id=") && !u.contains(contractId));
        ready();
        okMessage("The renewal is offered");
        String renewalId = param(page.url(), "id");
        assertThat(page.locator("#status").textContent()).isEqualTo("OFFERED");
        assertThat(page.locator("[data-fact='Ceiling per year (offered)']").textContent())
                .isEqualTo(Euros.of(103_000_000));
        assertThat(page.locator("[data-fact='Term']").textContent())
                .isEqualTo((NEXT + 1) + "-01-01 – " + (NEXT + 1) + "-12-31");
        assertThat(page.locator("[data-fact='Renewal of'] a").textContent()).isEqualTo(contractId);
        screenshot("renewal-offered");

        JsonNode renewal = ok(purchaser.get("/api/contracts/" + renewalId));
        assertThat(renewal.path("providerAgb").asText()).isEqualTo(provider);
        assertThat(renewal.path("ceilingCents").asLong()).isEqualTo(103_000_000L);
        assertThat(renewal.path("renewalOf").asText()).isEqualTo(contractId);
        assertThat(ok(purchaser.get("/api/contracts/" + contractId)).path("renewedAs").asText()).isEqualTo(renewalId);

        // back on the contract renewed: the link to its renewal instead of the form
        page.click("[data-fact='Renewal of'] a");
        ready();
        assertThat(page.locator("[data-fact='Renewed as'] a").textContent()).isEqualTo(renewalId);
        assertThat(page.locator("#renew-form").isVisible()).isFalse();
    }

    @Test
    void aPurchaserRenewsWithACeilingOfItsOwn() {
        String provider = newProvider();
        String contractId = signedContractOf(INSURER, provider, NEXT, 40_000_000L);

        signIn("PURCHASER", INSURER);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        page.fill("#renew-ceiling", "450.000,00");
        page.click("#renew-button");
        page.waitForURL(u -> u.contains("/contract.html?id=") && !u.contains(contractId));
        ready();
        assertThat(page.locator("[data-fact='Ceiling per year (offered)']").textContent())
                .isEqualTo(Euros.of(45_000_000));
        assertThat(ok(purchaser.get("/api/contracts/" + param(page.url(), "id"))).path("ceilingCents").asLong())
                .isEqualTo(45_000_000L);
    }

    @Test
    void theYearlyRenewalShowsTheContractsOfferedAndThoseSkippedWithTheirReason_seed001() {
        String renewable = newProvider();
        String taken = newProvider();
        String toRenew = signedContractOf(INSURER, renewable, NEXT, 20_000_000L);
        String toSkip = signedContractOf(INSURER, taken, NEXT, 30_000_000L);
        // the provider already has an offer for the year after: one contract per insurer, provider and year
        Map<String, Object> body = offerBody(INSURER, "NEGOTIATED", 31_000_000L);
        body.put("providerAgb", taken);
        body.put("termStart", (NEXT + 1) + "-01-01");
        body.put("termEnd", (NEXT + 1) + "-12-31");
        Api.Response offered = purchaser.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);

        signIn("PURCHASER", INSURER);
        page.click("header nav a:text('Yearly renewal')");
        page.waitForURL("**/renewals.html");
        ready();
        page.selectOption("#renewal-year", String.valueOf(NEXT));
        page.selectOption("#renewal-type", "INSTITUTION");
        page.selectOption("#renewal-kind", "DIGITAL");
        screenshot("yearly-renewal-form");
        page.click("#renewal-button");
        okMessage("renewal(s) offered");

        Locator offeredRow = page.locator("#renewals tr[data-contract='" + toRenew + "']");
        assertThat(offeredRow.locator("td.outcome").textContent()).isEqualTo("offered");
        assertThat(offeredRow.locator("td.provider").textContent()).isEqualTo(renewable);
        assertThat(offeredRow.locator("td.ceiling").textContent()).isEqualTo(Euros.of(20_000_000));
        String renewalId = offeredRow.locator("td.new-offer a").textContent();
        Locator skippedRow = page.locator("#renewals tr[data-contract='" + toSkip + "']");
        assertThat(skippedRow.locator("td.outcome").textContent()).isEqualTo("skipped");
        assertThat(skippedRow.locator("td.new-offer").textContent()).isEqualTo("–");
        assertThat(skippedRow.locator("td.reason").textContent()).isNotBlank();
        assertThat(Integer.parseInt(page.locator("#offered-count").textContent()))
                .isEqualTo(page.locator("#renewals tr.offered").count()).isPositive();
        assertThat(Integer.parseInt(page.locator("#skipped-count").textContent()))
                .isEqualTo(page.locator("#renewals tr.skipped").count()).isPositive();
        screenshot("yearly-renewal-results");

        JsonNode renewal = ok(purchaser.get("/api/contracts/" + renewalId));
        assertThat(renewal.path("status").asText()).isEqualTo("OFFERED");
        assertThat(renewal.path("providerAgb").asText()).isEqualTo(renewable);
        assertThat(renewal.path("termStart").asText()).isEqualTo((NEXT + 1) + "-01-01");
        assertThat(renewal.path("ceilingCents").asLong()).isEqualTo(20_000_000L);
        assertThat(ok(purchaser.get("/api/contracts/" + toSkip)).path("renewedAs").isNull()).isTrue();
        page.click("#renewals tr[data-contract='" + toRenew + "'] td.new-offer a");
        ready();
        assertThat(page.locator("[data-fact='Renewal of'] a").textContent()).isEqualTo(toRenew);
    }

    // --- helpers

    /** A NEGOTIATED offer for next year to the provider, open for two months. */
    private String negotiatedOffer(String provider, long ceilingCents) {
        Map<String, Object> body = offerBody(INSURER, "NEGOTIATED", ceilingCents);
        body.put("providerAgb", provider);
        body.put("termStart", NEXT + "-01-01");
        body.put("termEnd", NEXT + "-12-31");
        body.put("offerExpiresAt", now().plus(Duration.ofDays(60)).toString());
        Api.Response offered = purchaser.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        return offered.text("contractId");
    }

    private static void propose(Api side, String contractId, Map<String, Object> terms) {
        Api.Response proposed = side.post("/api/contracts/" + contractId + "/proposals", terms);
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
    }


    /** Raises the contract's ceiling by a signed addendum: requested, approved in full, signed. */
    private void raise(String contractId, String provider, long amountCents) {
        // next year's increase window open today (the demo's windows have closed)
        Api.Response policy = purchaser.put("/api/policies/" + INSURER + "/" + NEXT, Map.of(
                "increaseWindowStart", YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", NEXT + "-07-31T17:00:00+02:00"));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String ceiling = "/api/ceilings/" + contractId + "-" + NEXT;
        Api asProvider = api.as(Api.Identity.provider(provider));
        Api.Response requested = asProvider.post(ceiling + "/increase-requests",
                Map.of("amountCents", amountCents, "grounds", "a waiting list of twelve weeks"));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        Api.Response approved = purchaser.post(ceiling + "/increase-requests/" + requested.text("requestId")
                + "/approval", Map.of("amountCents", amountCents));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        Api.Response signed = asProvider.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                Map.of());
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
    }
}
