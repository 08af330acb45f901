package nl.ggz.contracts.api.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import nl.ggz.contracts.api.Api;
import nl.ggz.contracts.api.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import nl.ggz.contracts.api.security.dev.TrialUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in the machine's Chromium on the demo data: one browser per test class, a fresh browser context (no
 * session) per test, and any script error or script refused by the Content-Security-Policy fails the test. The same
 * application context as DemoDataTest (demo on, scale 10), so Spring starts it once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ggz.demo.enabled=true", "ggz.demo.scale=10"})
abstract class BrowserTest extends ApplicationTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration DEMO_READY = Duration.ofSeconds(180);

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    @Autowired
    private TrialUsers users;

    protected BrowserContext context;
    protected Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        // without a Chromium each test is reported skipped (openBrowser), not the class silently left out
        if (Browser.present()) {
            playwright = Browser.playwright();
            browser = Browser.launch(playwright);
            Files.createDirectories(SCREENSHOTS);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openBrowser() {
        Browser.assumePresent();
        context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1400, 900).setAcceptDownloads(true).setTimezoneId("Europe/Amsterdam"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
        // a script refused by the Content-Security-Policy shows only here; a 404 the page shows as a message is fine
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                pageErrors.add(message.text());
            }
        });
        demoReady();
    }

    @AfterEach
    void closeBrowser() {
        if (context == null) {
            return;
        }
        context.close();
        assertThat(pageErrors).as("script errors and refused scripts in the pages").isEmpty();
    }

    /**
     * Signs in as the role (a purchaser by its insurer, a provider by its AGB code) as a person would: the start page's
     * Sign in, then the login form of the trial's identity provider with the user's password, and back.
     */
    protected void signIn(String role, String who) {
        // another person at the browser: no session of the last one, here or at the identity provider
        context.clearCookies();
        page.navigate(url("/"));
        ready();
        page.click("#sign-in");
        signInOnThisPage(role, who);
        page.waitForURL(role.equals("OPERATOR") ? "**/" : "**/contracts.html**");
        ready();
    }

    /** Fills in the identity provider's login form, where the browser has been sent to sign in. */
    protected void signInOnThisPage(String role, String who) {
        page.waitForSelector("input[name=username]");
        String user = user(role, who);
        page.fill("input[name=username]", user);
        page.fill("input[name=password]", users.password(user));
        page.click("button[type=submit]");
    }

    /** The trial's user of a role (TrialUsers). */
    protected static String user(String role, String who) {
        return switch (role) {
            case "PURCHASER" -> "inkoper-" + who;
            case "PROVIDER" -> "aanbieder-" + who;
            case "REGULATOR" -> "nza";
            case "OPERATOR" -> "beheer";
            default -> throw new IllegalArgumentException("no trial user signs in as " + role);
        };
    }

    /** Waits until the page has fetched and shown what it asked for. */
    protected void ready() {
        page.waitForSelector("body[data-state=ready]");
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Waits for the action's success message: the page shows it once it has fetched and shown its data again (a
     * refusal would show as an error instead).
     */
    protected void okMessage(String expected) {
        Locator message = page.locator("#message .message");
        page.waitForFunction("text => { const m = document.querySelector('#message .message');"
                + " return m && (m.classList.contains('error') || m.textContent.includes(text)); }", expected);
        ready();
        assertThat(message.getAttribute("class")).as(message.textContent()).contains("ok");
        assertThat(message.textContent()).as("the page's message").contains(expected);
    }

    protected static String param(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + url);
    }

    protected static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    protected static List<JsonNode> rows(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    protected List<String> insurers() {
        return rows(ok(api.as(Api.Identity.regulator()).get("/api/contracts?limit=1000"))).stream()
                .map(c -> c.path("insurerUzovi").asText()).distinct().sorted().toList();
    }

    /** The demo is written at the start; the streaming views follow it within seconds. */
    private void demoReady() {
        await().atMost(DEMO_READY).untilAsserted(() -> {
            assertThat(insurers()).hasSize(10);
            JsonNode monitor = ok(api.as(Api.Identity.regulator()).get("/api/reports/contracting-monitor?year=" + YEAR));
            long requests = 0;
            for (JsonNode type : monitor.path("byProviderType")) {
                requests += type.path("increaseRequests").asLong();
            }
            assertThat(requests).isPositive();
        });
    }

    /** A one-year DIGITAL contract of the demo insurer, offered and signed through the API. */
    protected String signedContractOf(String insurer, String provider, int year, long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", ceilingCents);
        body.put("providerAgb", provider);
        body.put("termStart", year + "-01-01");
        body.put("termEnd", year + "-12-31");
        Api.Response offered = api.as(Api.Identity.purchaser(insurer)).post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        String contractId = offered.text("contractId");
        Api.Response signed = api.as(Api.Identity.provider(provider)).post("/api/contracts/" + contractId
                + "/signature", Map.of());
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        return contractId;
    }
}
