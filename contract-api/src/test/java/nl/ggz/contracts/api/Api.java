package nl.ggz.contracts.api;

import nl.ggz.contracts.api.input.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client for the tests: what a claims system or a purchaser's tool would send, with a bearer token from
 * the embedded issuer ({@code POST /api/dev/tokens}).
 *
 * <p>Made with {@link #as}, it sends every call as that one identity: the role rules are proven that way
 * (SecurityTest). Made with {@link #actingParty}, it sends each call as the party whose act it is, as the real world
 * would: a policy or an offer as a purchaser of that insurer, a signature or an increase request as the contract's
 * provider, an approval or a claw-back as a purchaser of the contract's insurer, a batch as the claims system of the
 * first line's insurer, reads as the regulator and operations as the operator. The tests of the business rules use it.
 */
public final class Api {

    /** @param raw the body as it came, for {@link #as} */
    public record Response(int status, String contentType, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asText();
        }

        /** The body as one of the published answers ({@link Responses}): a body of another shape fails the test. */
        public <T> T as(Class<T> type) {
            return Responses.read(status, raw, type);
        }

        /** The body as a list of one of the published answers. */
        public <T> java.util.List<T> asList(Class<T> type) {
            return Responses.readList(status, raw, type);
        }
    }

    /** An answer read as text: for streamed formats (NDJSON, CSV) that are not one JSON document. */
    public record Text(int status, String contentType, java.net.http.HttpHeaders headers, String body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as JSON, for an error answered as a problem. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whom a token is for: a role and, for the confined roles, its insurer or provider. */
    public record Identity(String role, String insurerUzovi, String providerAgb, String name) {
        public static Identity purchaser(String insurer) {
            return new Identity("PURCHASER", insurer, null, "inkoper-" + insurer);
        }

        public static Identity provider(String agb) {
            return new Identity("PROVIDER", null, agb, "zorgaanbieder-" + agb);
        }

        public static Identity claims(String insurer) {
            return new Identity("CLAIMS", insurer, null, "declaratiesysteem-" + insurer);
        }

        public static Identity regulator() {
            return new Identity("REGULATOR", null, null, "nza-toezichthouder");
        }

        public static Identity operator() {
            return new Identity("OPERATOR", null, null, "beheerder");
        }

        /** Issue 16: an insurer's privacy officer, who erases pseudonyms of that insurer. */
        public static Identity privacyOfficer(String insurer) {
            return new Identity("PRIVACY_OFFICER", insurer, null, "privacy-officer-" + insurer);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    /** Stand in for the insurer or provider of an id that names nothing: the call is then refused as not found or invalid. */
    private static final String NO_INSURER = "9999";
    private static final String NO_PROVIDER = "99999999";
    private static final Pattern CONTRACT_ACT = Pattern.compile("/api/contracts/([^/?]+)/([^/?]+)(/[^?]*)?");
    private static final Pattern CEILING_ACT = Pattern.compile("/api/ceilings/([^/?]+)/([^/?]+)(/[^?]*)?");
    private static final Set<String> PROVIDER_CONTRACT_ACTS = Set.of("signature", "declination", "patient-stops");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Null: the acting party of each call. */
    private final Identity identity;
    /** Tokens of this application run (its embedded issuer's key is new at each start), shared by {@link #as}. */
    private final Map<Identity, String> tokens;
    /** Runs each request for a token: see {@link #mintTokensWith}; shared by {@link #as}. */
    private final java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<Runnable>> minting;

    private Api(String base, Identity identity, Map<Identity, String> tokens,
                java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<Runnable>> minting) {
        this.base = base;
        this.identity = identity;
        this.tokens = tokens;
        this.minting = minting;
    }

    /** Sends each call as the party whose act it is (see the class comment). */
    public static Api actingParty(int port) {
        return new Api("http://localhost:" + port, null, new ConcurrentHashMap<>(),
                new java.util.concurrent.atomic.AtomicReference<>(Runnable::run));
    }

    /** Sends every call as this identity. */
    public Api as(Identity who) {
        return new Api(base, who, tokens, minting);
    }

    /** Sends without any token. */
    public Api anonymous() {
        return new Api(base, new Identity(null, null, null, null), tokens, minting);
    }

    /**
     * Each request for a token runs inside {@code around}: a test that moves the server's clock has its tokens issued
     * in real time, since the resource server checks their lifetime against real time (ServerDateTest).
     */
    public void mintTokensWith(java.util.function.Consumer<Runnable> around) {
        minting.set(around);
    }

    /** Sends with this exact Authorization header value (a forged or expired token, say). */
    public Response getWithAuthorization(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    public Response get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "GET", path, null).GET());
    }

    /** A GET with the given Accept header (none when null), the body kept as text. */
    public Text getText(String path, String accept) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(base + path)), "GET", path, null).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        String text = json(body);
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "POST", path, text)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    public Response put(String path, Object body) {
        String text = json(body);
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "PUT", path, text)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text)));
    }

    public Response delete(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "DELETE", path, null).DELETE());
    }

    /** Sends the text as it is: for bodies that are not valid JSON. */
    public Response postRaw(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "POST", path, body)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the text as it is, with PUT. */
    public Response putRaw(String path, String body) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "PUT", path, body)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the bytes with this Content-Type (none when null): a text/plain note, or bytes that are no UTF-8. */
    public Response postBytes(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(base + path)), "POST", path, null);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose answer is kept as bytes (a DER timestamp reply), with its status and headers. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "GET", path, null).GET()
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the text without a declared length (chunked), as a streaming client would. */
    public Response postStreamed(String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)), "POST", path, body)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    /** A token for the identity, from the application's embedded issuer (one per identity and application). */
    public String token(Identity who) {
        return tokens.computeIfAbsent(who, key -> {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("role", who.role());
            body.put("insurerUzovi", who.insurerUzovi());
            body.put("providerAgb", who.providerAgb());
            body.put("name", who.name());
            Response[] answers = new Response[1];
            minting.get().accept(() -> answers[0] = send(HttpRequest.newBuilder(URI.create(base + "/api/dev/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body)))));
            Response answer = answers[0];
            if (answer.status() != 200) {
                throw new IllegalStateException("no token for " + who + ": " + answer.body());
            }
            return answer.text("token");
        });
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request, String method, String path, String body) {
        Identity who = identity != null ? identity : actingParty(method, path, body);
        if (who.role() != null) {
            request.header("Authorization", "Bearer " + token(who));
        }
        return request;
    }

    /** The party whose act this call is; see the class comment. */
    private Identity actingParty(String method, String path, String body) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (route.startsWith("/api/admin") || route.startsWith("/actuator")
                || (method.equals("POST") && route.equals("/api/audit/checkpoints"))) {
            return Identity.operator();
        }
        if (method.equals("GET")) {
            return Identity.regulator();
        }
        if (method.equals("PUT") && route.startsWith("/api/policies/")) {
            return Identity.purchaser(insurerOrNone(route.split("/")[3]));
        }
        if (route.equals("/api/contracts")) {
            return Identity.purchaser(insurerOrNone(field(body, "insurerUzovi")));
        }
        if (route.equals("/api/declarations")) {
            String contractId = firstContractOf(body);
            JsonNode contract = contractId == null ? null : lookUp("/api/contracts/" + contractId);
            return Identity.claims(contract == null ? NO_INSURER : contract.path("insurerUzovi").asText());
        }
        Matcher contractAct = CONTRACT_ACT.matcher(route);
        if (contractAct.matches()) {
            JsonNode contract = lookUp("/api/contracts/" + contractAct.group(1));
            return PROVIDER_CONTRACT_ACTS.contains(contractAct.group(2))
                    ? Identity.provider(contract == null ? NO_PROVIDER : contract.path("providerAgb").asText())
                    : Identity.purchaser(contract == null ? NO_INSURER : contract.path("insurerUzovi").asText());
        }
        Matcher ceilingAct = CEILING_ACT.matcher(route);
        if (ceilingAct.matches()) {
            JsonNode ceiling = lookUp("/api/ceilings/" + ceilingAct.group(1));
            boolean providerAct = route.endsWith("/increase-requests") || route.endsWith("/completion")
                    || route.contains("/addenda/");
            return providerAct
                    ? Identity.provider(ceiling == null ? NO_PROVIDER : ceiling.path("providerAgb").asText())
                    : Identity.purchaser(ceiling == null ? NO_INSURER : ceiling.path("insurerUzovi").asText());
        }
        return Identity.regulator();
    }

    private JsonNode lookUp(String path) {
        Response answer = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(Identity.regulator())).GET());
        return answer.status() == 200 ? answer.body() : null;
    }

    private static String insurerOrNone(String value) {
        return value != null && value.matches("\\d{4}") ? value : NO_INSURER;
    }

    private static String field(String body, String name) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            return node != null && node.path(name).isTextual() ? node.path(name).asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstContractOf(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            if (node == null) {
                return null;
            }
            for (JsonNode line : node.path("declarations")) {
                if (line.path("contractId").isTextual()) {
                    return line.path("contractId").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
