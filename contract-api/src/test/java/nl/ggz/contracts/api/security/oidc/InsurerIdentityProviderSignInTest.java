package nl.ggz.contracts.api.security.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.BrowserType;
import nl.ggz.contracts.api.ApplicationTest;
import nl.ggz.insurer.InsurerIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 16, the production configuration path: the application configured as an insurer would configure it, against
 * an identity provider of its own ({@link InsurerIdentityProvider}, a second authorization server on another port):
 * its issuer-uri, the pages' client id and secret, the required audience, and a claim mapping for Entra ID-like
 * claims. A person signs in at that identity provider's login form in Chromium and works in the pages as its
 * purchaser, and signs out there too; a machine client's token for this application is accepted, one for another
 * application (wrong audience) is refused with 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class InsurerIdentityProviderSignInTest extends ApplicationTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GGZ_CHROMIUM", "/usr/bin/chromium"));
    private static ConfigurableApplicationContext identityProvider;
    private static int appPort;
    private static String issuer;

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            appPort = free.getLocalPort();
        }
        identityProvider = InsurerIdentityProvider.start(appPort);
        issuer = "http://localhost:" + identityProvider.getEnvironment().getProperty("local.server.port");
        registry.add("server.port", () -> appPort);
        registry.add("ggz.demo.enabled", () -> "false");
        // the one departure from production: plain HTTP on this machine, so the session cookie cannot be Secure
        registry.add("server.servlet.session.cookie.secure", () -> "false");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> InsurerIdentityProvider.AUDIENCE);
        registry.add("spring.security.oauth2.client.registration.insurer.client-id",
                () -> InsurerIdentityProvider.PAGES_CLIENT);
        registry.add("spring.security.oauth2.client.registration.insurer.client-secret",
                () -> InsurerIdentityProvider.PAGES_SECRET);
        registry.add("ggz.security.claims.role", () -> "roles");
        registry.add("ggz.security.claims.insurer", () -> "extn.insurerUzovi");
        registry.add("ggz.security.claims.provider", () -> "extn.providerAgb");
    }

    @AfterAll
    static void stopIdentityProvider() {
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    void aPurchaserSignsInAtTheInsurersIdentityProviderWorksInThePagesAndSignsOut() {
        assumeTrue(Files.isExecutable(CHROMIUM), "browser test skipped: no Chromium at " + CHROMIUM);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true))) {
            BrowserContext context = browser.newContext();
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            String pages = "http://127.0.0.1:" + appPort;

            page.navigate(pages + "/contracts.html");
            // on to the insurer's identity provider, not the application's
            page.waitForURL(issuer + "/login");
            page.fill("input[name=username]", InsurerIdentityProvider.USER);
            page.fill("input[name=password]", InsurerIdentityProvider.PASSWORD);
            page.click("button[type=submit]");
            page.waitForURL(pages + "/contracts.html");
            page.waitForSelector("body[data-state=ready]");
            assertThat(page.locator("#who").textContent())
                    .isEqualTo("Anna de Vries · purchaser, insurer " + InsurerIdentityProvider.INSURER);
            assertThat(page.locator("#message .error").count()).isZero();

            page.click("#sign-out");
            page.waitForURL(pages + "/?signed-out=1");
            page.waitForSelector("body[data-state=ready]");
            assertThat(page.locator("#message").textContent()).contains("You have signed out");
            // signed out at the identity provider as well: it asks for the password again
            page.navigate(pages + "/contracts.html");
            page.waitForURL(issuer + "/login");
        }
    }

    @Test
    void aMachineClientsTokenForThisApplicationIsAcceptedAndOneForAnotherApplicationIsRefused() throws Exception {
        String forUs = clientCredentials(InsurerIdentityProvider.CLAIMS_CLIENT);
        String forAnother = clientCredentials(InsurerIdentityProvider.OTHER_APP_CLIENT);
        assertThat(ceilingStatus(forUs)).isEqualTo(404);
        HttpResponse<String> refused = ceiling(forAnother);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("aud");
    }

    /** A ceiling that does not exist: 404 for a caller that got in, 401 for one that did not. */
    private int ceilingStatus(String token) throws Exception {
        return ceiling(token).statusCode();
    }

    private HttpResponse<String> ceiling(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort
                        + "/api/ceilings/no-such-ceiling-" + YEAR)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String clientCredentials(String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + InsurerIdentityProvider.machineSecret(client))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(issuer
                        + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
