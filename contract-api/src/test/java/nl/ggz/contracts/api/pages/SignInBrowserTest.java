package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import nl.ggz.contracts.api.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the pages sign in through OpenID Connect at the trial's embedded identity provider (its login form, the
 * demo user's password), as each role; they act with the session alone (the browser holds no token, writes carry the
 * CSRF token), sign out (here and at the identity provider), and the old session is refused afterwards.
 */
class SignInBrowserTest extends BrowserTest {

    /** VGZ in the demo. */
    private static final String INSURER = "7095";

    @Test
    void aPurchaserSignsInAtTheIdentityProviderOffersAContractAndIsRefusedAfterSigningOut() {
        signIn("PURCHASER", INSURER);
        assertThat(page.locator("#who").textContent()).isEqualTo("inkoper-" + INSURER + " · purchaser, insurer "
                + INSURER);
        String provider = newProvider();
        page.click("#offer-section summary");
        page.fill("#offer-provider", provider);
        page.selectOption("#offer-type", "INSTITUTION");
        page.selectOption("#offer-kind", "DIGITAL");
        page.fill("#offer-start", (YEAR + 1) + "-01-01");
        page.fill("#offer-end", (YEAR + 1) + "-12-31");
        page.fill("#offer-settings", "2, 3");
        page.fill("#offer-tariff", "92,50");
        page.fill("#offer-ceiling", "10.000,00");
        page.click("#offer-button");
        page.waitForURL("**/contract.html?id=**");
        ready();
        JsonNode contract = ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + param(page.url(), "id")));
        assertThat(contract.path("providerAgb").asText()).isEqualTo(provider);
        assertThat(contract.path("insurerUzovi").asText()).isEqualTo(INSURER);

        signOutAndBeRefusedAfterwards();
    }

    @Test
    void aProviderSignsInSignsItsOfferAndIsRefusedAfterSigningOut() {
        String provider = newProvider();
        Map<String, Object> body = offerBody(INSURER, "DIGITAL", 1_000_000);
        body.put("providerAgb", provider);
        body.put("termStart", (YEAR + 1) + "-01-01");
        body.put("termEnd", (YEAR + 1) + "-12-31");
        Api.Response offered = api.as(Api.Identity.purchaser(INSURER)).post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        String contractId = offered.text("contractId");

        signIn("PROVIDER", provider);
        assertThat(page.locator("#who").textContent()).contains("provider, AGB " + provider);
        page.navigate(url("/contract.html?id=" + contractId));
        ready();
        page.fill("#sign-by", "dr. Jansen");
        page.click("#sign-button");
        okMessage("Signed by dr. Jansen");
        assertThat(ok(api.as(Api.Identity.regulator()).get("/api/contracts/" + contractId)).path("status").asText())
                .isEqualTo("SIGNED");

        signOutAndBeRefusedAfterwards();
    }

    @Test
    void theRegulatorSignsInReadsTheMonitorAndIsRefusedAfterSigningOut() {
        signIn("REGULATOR", null);
        assertThat(page.locator("#who").textContent()).isEqualTo("nza-toezichthouder · regulator (NZa), read-only");
        page.navigate(url("/monitor.html"));
        ready();
        assertThat(page.locator("#message .error").count()).isZero();
        assertThat(page.locator("td[data-figure]").count()).isPositive();

        signOutAndBeRefusedAfterwards();
    }

    @Test
    void theOperatorSignsInReadsTheDeadLettersAndIsRefusedAfterSigningOut() {
        signIn("OPERATOR", null);
        assertThat(page.locator("#signed-in-as").textContent()).isEqualTo("beheerder · operator");
        assertThat(page.locator("#operator-hint").isVisible()).isTrue();
        Object status = page.evaluate("async () => (await fetch('/api/admin/dead-letters')).status");
        assertThat(status).isEqualTo(200);
        // and no contract data: the role table is the same for a session as for a bearer token
        assertThat(page.evaluate("async () => (await fetch('/api/contracts')).status")).isEqualTo(403);

        String before = sessionCookie();
        page.click("#sign-out");
        page.waitForURL("**/?signed-out=1");
        refusedAfterwards(before);
    }

    @Test
    void theBrowserHoldsNoTokenOnlyAnHttpOnlySameSiteSessionCookie() {
        signIn("PURCHASER", INSURER);
        Cookie session = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.LAX);
        assertThat((String) page.evaluate("() => document.cookie")).doesNotContain("JSESSIONID");
        assertThat(page.evaluate("() => sessionStorage.length + localStorage.length")).isEqualTo(0);
        // what the page can learn of itself: who, not a token
        String answer = (String) page.evaluate("async () => await (await fetch('/api/session')).text()");
        assertThat(answer).contains("\"role\":\"PURCHASER\"").doesNotContain("eyJ");
    }

    @Test
    void aWriteByTheSessionWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
        signIn("PURCHASER", INSURER);
        long events = eventCount();
        String offer = "{\"insurerUzovi\":\"" + INSURER + "\",\"providerAgb\":\"" + newProvider() + "\","
                + "\"providerType\":\"INSTITUTION\",\"kind\":\"DIGITAL\",\"termStart\":\"" + (YEAR + 1) + "-01-01\","
                + "\"termEnd\":\"" + (YEAR + 1) + "-12-31\",\"settings\":[2,3],\"tariffPercentage\":\"92.50\","
                + "\"ceilingCents\":100000}";
        Object withoutToken = page.evaluate("async body => (await fetch('/api/contracts', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json'}, body})).status", offer);
        Object wrongToken = page.evaluate("async body => (await fetch('/api/contracts', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': 'forged'}, body})).status", offer);
        assertThat(withoutToken).isEqualTo(403);
        assertThat(wrongToken).isEqualTo(403);
        assertThat((String) page.evaluate("async body => await (await fetch('/api/contracts', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json'}, body})).text()", offer)).contains("X-XSRF-TOKEN");
        assertThat(eventCount()).isEqualTo(events);
        // the same write with the cookie's token goes through
        Object withToken = page.evaluate("async body => (await fetch('/api/contracts', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(document.cookie"
                + ".split('; ').find(c => c.startsWith('XSRF-TOKEN=')).substring(11))}, body})).status", offer);
        assertThat(withToken).isEqualTo(201);
    }

    // --- helpers

    private void signOutAndBeRefusedAfterwards() {
        String before = sessionCookie();
        page.click("#sign-out");
        page.waitForURL("**/?signed-out=1");
        ready();
        assertThat(page.locator("#message").textContent()).contains("You have signed out");
        refusedAfterwards(before);
    }

    private void refusedAfterwards(String oldSession) {
        // the old session cookie, sent again (say, by someone who copied it), is signed in no longer
        assertThat(withCookie("/api/contracts", oldSession)).isEqualTo(401);
        assertThat((String) page.evaluate("async () => await (await fetch('/api/session')).text()"))
                .contains("\"signedIn\":false");
        // and the identity provider's session has ended too: a page asks for the password again
        page.navigate(url("/contracts.html"));
        page.waitForURL("**/login");
        assertThat(page.locator("input[name=password]").isVisible()).isTrue();
    }

    private String sessionCookie() {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst()
                .orElseThrow();
    }

    private int withCookie(String path, String session) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Cookie", "JSESSIONID=" + session).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
