package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeed;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import nl.ggz.contracts.projections.claimsfeed.FeedCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17, webhooks: the insurer's claims feed arrives at a real HTTP receiver (the JDK's server on loopback) as
 * CloudEvents, signed the Standard Webhooks way, at least once and in feed order, the same lines as the feed; a
 * receiver that was down gets everything after it recovers; one that keeps failing ends DEAD in the operator's list,
 * and after the operator's retry gets everything; another insurer's changes never arrive.
 */
class WebhookDeliveryTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ClaimsFeed feed;

    @Autowired
    javax.sql.DataSource dataSource;

    private final List<Receiver> receivers = new ArrayList<>();
    private final List<String> registered = new ArrayList<>();

    /** The receivers stop, and their subscriptions go: the context is shared with the other tests. */
    @AfterEach
    void stopReceivers() {
        registered.forEach(id -> api.delete("/api/admin/webhooks/" + id));
        receivers.forEach(Receiver::stop);
    }

    @Test
    void aSubscriptionAnotherNodeIsDeliveringIsLeftToIt() throws Exception {
        String insurer = newInsurer();
        Receiver receiver = receiver(() -> 200);
        Registered subscription = register(insurer, receiver.url());

        // another node has taken the subscription (its row locked in its transaction)
        try (java.sql.Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (var lock = otherNode.prepareStatement("SELECT 1 FROM webhook_subscription WHERE subscription_id = ? "
                    + "FOR UPDATE")) {
                lock.setObject(1, UUID.fromString(subscription.id()));
                lock.executeQuery().close();
            }
            changes(insurer, "L");
            Thread.sleep(1_000);
            assertThat(receiver.all()).as("delivered while another node held the subscription").isEmpty();
            otherNode.commit();
        }
        List<ClaimsFeedEntry> expected = feedAfter(insurer, subscription.start());
        await().untilAsserted(() -> assertThat(receiver.acknowledged()).hasSize(expected.size()));
        assertThat(receiver.all()).extracting(Delivery::cursor)
                .containsExactlyElementsOf(expected.stream().map(ClaimsFeedEntry::cursor).toList());
    }

    @Test
    void deliveriesAreSignedCloudEventsOfTheFeedsLinesInFeedOrder() throws Exception {
        String insurer = newInsurer();
        Receiver receiver = receiver(() -> 204);
        Registered subscription = register(insurer, receiver.url());

        String contractId = changes(insurer, "S");

        List<ClaimsFeedEntry> expected = feedAfter(insurer, subscription.start());
        assertThat(expected).extracting(e -> e.type().name()).contains("DECLARATION_ACCEPTED", "HELD_RELEASED",
                "DECLARATION_REDUCED");
        await().untilAsserted(() -> assertThat(receiver.acknowledged()).hasSize(expected.size()));
        List<Delivery> received = receiver.acknowledged();
        for (int i = 0; i < expected.size(); i++) {
            Delivery delivery = received.get(i);
            ClaimsFeedEntry entry = expected.get(i);
            // as a receiver verifies it: the signature over id.timestamp.body with the secret, a recent timestamp
            assertThat(delivery.signatureValid(subscription.secret())).as("signature of %s", delivery.id()).isTrue();
            assertThat(Math.abs(now().getEpochSecond() - delivery.timestamp())).isLessThan(300);
            assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
            CloudEvent event = delivery.event();
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getId()).isEqualTo(subscription.id() + ":" + entry.cursor()).isEqualTo(delivery.id());
            assertThat(event.getType()).isEqualTo("nl.ggz.contracts.claims."
                    + entry.type().name().toLowerCase().replace('_', '-'));
            assertThat(event.getSubject()).isEqualTo(ceilingOf(contractId));
            assertThat(event.getSource().toString()).isEqualTo("urn:ggz-contracts");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            // the data is the feed's own line
            assertThat(JSON.readTree(event.getData().toBytes())).isEqualTo(JSON.readTree(entry.jsonLine()));
        }
        JsonNode listed = listed(subscription.id());
        assertThat(listed.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.path("attempts").asInt()).isZero();
        assertThat(listed.path("lastDeliveredAt").isTextual()).isTrue();
        assertThat(listed.has("secret")).as("the secret is shown once, at registration").isFalse();
        assertThat(FeedCursor.parse(listed.path("cursor").asText()).position())
                .isGreaterThanOrEqualTo(expected.get(expected.size() - 1).position());
    }

    @Test
    void aReceiverThatWasDownReceivesEverythingInOrderAfterItRecovers() throws Exception {
        String insurer = newInsurer();
        // first answers 503 three times, then acknowledges
        AtomicInteger calls = new AtomicInteger();
        Receiver unavailable = receiver(() -> calls.incrementAndGet() <= 3 ? 503 : 200);
        Registered first = register(insurer, unavailable.url());
        // and one where nothing listens yet: connections refused until the receiver starts
        int port = freePort();
        Registered second = register(insurer, "http://127.0.0.1:" + port + "/hooks/claims");

        changes(insurer, "D");
        List<ClaimsFeedEntry> expected = feedAfter(insurer, first.start());

        await().untilAsserted(() -> {
            JsonNode listed = listed(second.id());
            assertThat(listed.path("state").asText()).isEqualTo("FAILING");
            assertThat(listed.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(listed.path("lastError").asText()).isEqualTo("java.net.ConnectException");
        });
        Receiver late = receiver(port, () -> 200);

        await().untilAsserted(() -> assertThat(unavailable.acknowledged()).hasSize(expected.size()));
        await().untilAsserted(() -> assertThat(late.acknowledged()).hasSize(expected.size()));
        assertThat(unavailable.acknowledged()).extracting(Delivery::cursor)
                .containsExactlyElementsOf(expected.stream().map(ClaimsFeedEntry::cursor).toList());
        assertThat(late.acknowledged()).extracting(Delivery::cursor)
                .containsExactlyElementsOf(expected.stream().map(ClaimsFeedEntry::cursor).toList());
        // the refused attempts were the same line, under the same idempotency key
        assertThat(unavailable.all()).hasSize(expected.size() + 3);
        assertThat(unavailable.all().subList(0, 4)).extracting(Delivery::id).containsOnly(first.id() + ":"
                + expected.get(0).cursor());
        assertThat(listed(first.id()).path("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed(second.id()).path("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aReceiverThatKeepsFailingIsDeadInTheOperatorsListAndTheOperatorsRetryDeliversEverything() throws Exception {
        String insurer = newInsurer();
        AtomicInteger status = new AtomicInteger(500);
        Receiver broken = receiver(status::get);
        Registered subscription = register(insurer, broken.url());

        changes(insurer, "X");
        List<ClaimsFeedEntry> expected = feedAfter(insurer, subscription.start());

        await().untilAsserted(() -> {
            JsonNode listed = listed(subscription.id());
            assertThat(listed.path("state").asText()).isEqualTo("DEAD");
            assertThat(listed.path("attempts").asInt()).isEqualTo(6);
            assertThat(listed.path("lastError").asText()).isEqualTo("HTTP 500");
        });
        assertThat(prometheus()).containsPattern("ggz_webhook_subscriptions\\{[^}]*state=\"DEAD\"[^}]*} [1-9]");
        int triedWhileDead = broken.all().size();
        Thread.sleep(600);
        assertThat(broken.all()).as("a DEAD subscription is not tried again by itself").hasSize(triedWhileDead);

        status.set(200);
        Api.Response retried = api.post("/api/admin/webhooks/" + subscription.id() + "/retry", Map.of());
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.text("state")).isEqualTo("ACTIVE");

        await().untilAsserted(() -> assertThat(broken.acknowledged()).hasSize(expected.size()));
        assertThat(broken.acknowledged()).extracting(Delivery::cursor)
                .containsExactlyElementsOf(expected.stream().map(ClaimsFeedEntry::cursor).toList());
        JsonNode listed = listed(subscription.id());
        assertThat(listed.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(listed.path("lastError").isNull()).isTrue();
    }

    @Test
    void anotherInsurersChangesAreNeverDelivered() throws Exception {
        String mine = newInsurer();
        String theirs = newInsurer();
        Receiver myReceiver = receiver(() -> 200);
        Receiver theirReceiver = receiver(() -> 200);
        Registered me = register(mine, myReceiver.url());
        Registered them = register(theirs, theirReceiver.url());

        String myContract = changes(mine, "M");
        String theirContract = changes(theirs, "T");
        List<ClaimsFeedEntry> myLines = feedAfter(mine, me.start());
        List<ClaimsFeedEntry> theirLines = feedAfter(theirs, them.start());

        await().untilAsserted(() -> assertThat(myReceiver.acknowledged()).hasSize(myLines.size()));
        await().untilAsserted(() -> assertThat(theirReceiver.acknowledged()).hasSize(theirLines.size()));
        // a moment more: nothing else arrives
        Thread.sleep(500);
        assertThat(myReceiver.all()).extracting(d -> d.event().getSubject()).containsOnly(ceilingOf(myContract));
        assertThat(theirReceiver.all()).extracting(d -> d.event().getSubject()).containsOnly(ceilingOf(theirContract));
        assertThat(myReceiver.all()).hasSize(myLines.size());
        assertThat(theirReceiver.all()).hasSize(theirLines.size());

        Api.Response deleted = api.delete("/api/admin/webhooks/" + me.id());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/admin/webhooks/" + me.id()).status()).isEqualTo(404);
    }

    @Test
    void onlyHttpsOrLoopbackHttpInTheTrialAndOnlyTheOperatorRegisters() {
        String insurer = newInsurer();
        long subscriptionsBefore = jdbc.queryForObject("SELECT count(*) FROM webhook_subscription", Long.class);
        for (String url : List.of("http://example.com/hook", "ftp://127.0.0.1/hook", "https://user:pw@example.com/h",
                "https://example.com/h#x", "/relative", "https://exa mple.com/")) {
            Api.Response refused = api.post("/api/admin/webhooks", Map.of("insurerUzovi", insurer, "url", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text("detail")).as(url).startsWith("url ");
        }
        assertThat(api.post("/api/admin/webhooks", Map.of("insurerUzovi", insurer, "url", "https://example.com/h",
                "extra", 1)).status()).isEqualTo(400);
        assertThat(api.as(Api.Identity.claims(insurer)).post("/api/admin/webhooks", Map.of("insurerUzovi", insurer,
                "url", "https://example.com/h")).status()).isEqualTo(403);
        assertThat(api.as(Api.Identity.purchaser(insurer)).get("/api/admin/webhooks").status()).isEqualTo(403);
        assertThat(api.post("/api/admin/webhooks/not-a-uuid/retry", Map.of()).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/webhooks/" + UUID.randomUUID() + "/retry", Map.of()).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_subscription WHERE insurer_uzovi = ?", Long.class,
                insurer)).as("subscriptions stored by refused registrations").isZero();
        assertThat(subscriptionsBefore).isNotNegative();
    }

    // --- the changes, the feed, the operator's API ---

    /**
     * A ceiling of 10,000 cents: three declarations of 4,000 (the third 2,000 payable, 2,000 held), a raise of 5,000
     * (the held 2,000 released) and a claw-back of 1,000 on the first (reduced).
     */
    private String changes(String insurer, String prefix) {
        openIncreaseWindow(insurer);
        String contractId = signedContract(insurer, 10_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        for (int i = 1; i <= 3; i++) {
            assertThat(declare(declaration(prefix + i + "-" + contractId, contractId, 4_000)).status()).isEqualTo(200);
        }
        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 5_000,
                "grounds", "wachtlijst")).text("requestId");
        String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 5_000)).text("addendumId");
        assertThat(api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of()).status()).isEqualTo(200);
        Api.Response clawedBack = api.post(ceiling + "/claw-backs", Map.of("amountCents", 1_000,
                "reason", "dubbel", "declarationIds", List.of(prefix + "1-" + contractId)));
        assertThat(clawedBack.status()).as(clawedBack.raw()).isEqualTo(201);
        return contractId;
    }

    private List<ClaimsFeedEntry> feedAfter(String insurer, FeedCursor start) {
        List<ClaimsFeedEntry> entries = new ArrayList<>();
        FeedCursor cursor = start;
        while (true) {
            var page = feed.read(new InsurerCode(insurer), cursor, ClaimsFeed.MAX_LIMIT);
            entries.addAll(page.entries());
            if (page.resumeAfter().equals(cursor)) {
                return entries;
            }
            cursor = page.resumeAfter();
        }
    }

    private record Registered(String id, String secret, FeedCursor start) {
    }

    private Registered register(String insurer, String url) {
        Api.Response answer = api.post("/api/admin/webhooks", Map.of("insurerUzovi", insurer, "url", url));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        JsonNode subscription = answer.body().path("subscription");
        assertThat(subscription.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.path("insurerUzovi").asText()).isEqualTo(insurer);
        registered.add(subscription.path("subscriptionId").asText());
        return new Registered(subscription.path("subscriptionId").asText(), answer.text("secret"),
                FeedCursor.parse(subscription.path("cursor").asText()));
    }

    private JsonNode listed(String id) {
        for (JsonNode subscription : api.get("/api/admin/webhooks").body().path("subscriptions")) {
            if (subscription.path("subscriptionId").asText().equals(id)) {
                return subscription;
            }
        }
        throw new AssertionError("subscription " + id + " is not in the operator's list");
    }

    private String prometheus() {
        Api.Text scrape = api.getText("/actuator/prometheus", "text/plain");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    // --- the receiver ---

    private Receiver receiver(IntSupplier status) throws IOException {
        return receiver(0, status);
    }

    private Receiver receiver(int port, IntSupplier status) throws IOException {
        Receiver receiver = new Receiver(port, status);
        receivers.add(receiver);
        return receiver;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One POST as the receiver saw it, and what it answered. */
    private record Delivery(String id, long timestamp, String signature, String contentType, byte[] body,
                            int answered) {

        CloudEvent event() {
            return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(body);
        }

        String cursor() {
            return id.substring(id.indexOf(':') + 1);
        }

        /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" under the secret's bytes, compared in constant time. */
        boolean signatureValid(String secret) throws Exception {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String candidate : signature.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Receiver {
        private final HttpServer server;
        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        Receiver(int port, IntSupplier status) throws IOException {
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/hooks/claims", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int answer = status.getAsInt();
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                        Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body, answer));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/claims";
        }

        List<Delivery> all() {
            return List.copyOf(deliveries);
        }

        List<Delivery> acknowledged() {
            return deliveries.stream().filter(d -> d.answered() >= 200 && d.answered() < 300).toList();
        }

        void stop() {
            server.stop(0);
        }
    }
}
