package nl.ggz.contracts.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A receiver's address: an absolute {@code https://} URL with a host, no user info and no fragment, at most
 * {@value #MAX_LENGTH} characters. Plain {@code http://} only to a loopback address (a receiver on this machine), and
 * only where the caller allows it (the trial, or {@code ggz.webhooks.allow-loopback-http}): deliveries carry
 * payment data, and a signature proves the sender, not that nobody read along.
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2_000;

    private WebhookUrl() {
    }

    /** The URL, or an {@link IllegalArgumentException} whose message says what is wrong (without echoing the text). */
    public static URI parse(String text, boolean allowLoopbackHttp) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("url is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("url must be at most " + MAX_LENGTH + " characters");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("url must be written in printable ASCII without spaces "
                    + "(percent-encode anything else)");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("url must be an absolute https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment (#...)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("url has no valid port");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && allowLoopbackHttp && loopback(uri.getHost())) {
            return uri;
        }
        throw new IllegalArgumentException(allowLoopbackHttp
                ? "url must be https:// (plain http:// only to a loopback address such as 127.0.0.1)"
                : "url must be https://");
    }

    /** localhost or a loopback literal; a name other than localhost is never looked up here. */
    private static boolean loopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            // a literal address: parsed, not resolved
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
