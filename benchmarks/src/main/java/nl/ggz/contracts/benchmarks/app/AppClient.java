package nl.ggz.contracts.benchmarks.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The application's HTTP API on loopback, as one party calls it: {@link #as(String)} gives a client that sends that
 * party's bearer token (see {@link TokenIssuer}); the client made from a port alone sends none and reaches only the
 * open endpoints such as {@code /actuator/health}. All of them share one HTTP client and its connections.
 */
public final class AppClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;

    public AppClient(int port) {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt on plain http
                .connectTimeout(Duration.ofSeconds(5))
                .build(), "http://localhost:" + port, null);
    }

    private AppClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    /** The same application, called with this bearer token: who the caller is, its role and tenant. */
    public AppClient as(String bearerToken) {
        return new AppClient(http, base, bearerToken);
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + abbreviated(), e);
            }
        }

        public String abbreviated() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** The token's subject, role, tenant and source system end up in the metadata of every event the call causes. */
    public Reply post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, Object body) {
        try {
            return post(path, JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** A GET whose body is read as it streams in (no time limit: an export of millions of lines takes minutes). */
    public HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
