package nl.ggz.contracts.api.pages;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The machine's own Chromium (Debian's package), driven by Playwright: Playwright is told never to download a browser
 * of its own. Where there is no Chromium the browser tests are skipped, so a machine with only a JDK still builds.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("GGZ_CHROMIUM", "/usr/bin/chromium"));

    private Browser() {
    }

    static boolean present() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Skips the calling test, with the reason in the test report, where the machine has no Chromium. */
    static void assumePresent() {
        assumeTrue(present(), "browser test skipped: no Chromium at " + CHROMIUM
                + " (apt-get install chromium, or set GGZ_CHROMIUM; .ci/run installs it)");
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
    }
}
