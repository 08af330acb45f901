package nl.ggz.contracts.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What a claims system or a purchaser's tool sends: JSON with a bearer token, and the caller headers the application
 * reads until security lands. A connection that fails (the node was killed) is an answer with status 0.
 */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String contentType, HttpHeaders headers, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }

        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Client(int port) {
        this.base = "http://localhost:" + port;
    }

    Response get(String path, Tokens.Caller caller) {
        return send(request(path, caller).GET());
    }

    Response post(String path, Object body, Tokens.Caller caller) {
        return send(request(path, caller).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response put(String path, Object body, Tokens.Caller caller) {
        return send(request(path, caller).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private HttpRequest.Builder request(String path, Tokens.Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + caller.token())
                .header("X-Principal", caller.principal())
                .header("X-Role", caller.role())
                .header("X-Source-System", "reliability-tests");
        if (caller.tenant() != null) {
            request.header("X-Tenant", caller.tenant());
        }
        return request;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = NullNode.getInstance();
            if (contentType.contains("json") && !response.body().isEmpty()) {
                body = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), contentType, response.headers(), body);
        } catch (IOException e) {
            // refused or cut off: the node is gone (killed) or not listening yet
            return new Response(0, "", null, NullNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
