package nl.ggz.contracts.api.security.dev;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The embedded identity provider's issuer, {@code http://localhost:<port>}: known once the server listens (a test
 * picks a free port). The issuer the embedded authorization server writes into its tokens is the address it was
 * called at; the pages' client calls it at this one, and {@code POST /api/dev/tokens} signs with it too, so every
 * trial token names the same issuer and the decoder checks it.
 */
public class TrialIssuer {

    static final String AUDIENCE = "ggz-contracts";

    private volatile int port;

    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public int port() {
        if (port <= 0) {
            throw new IllegalStateException("the trial's issuer is known once the web server listens");
        }
        return port;
    }

    public String uri() {
        return "http://localhost:" + port();
    }

    /** The issuer at another loopback name of this machine (a page opened at 127.0.0.1). */
    public String uri(String host) {
        return "http://" + host + ":" + port();
    }
}
