package nl.ggz.contracts.webhooks;

import io.cloudevents.CloudEvent;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

/**
 * POSTs one feed line as a signed CloudEvent: {@code webhook-id} (the CloudEvent's id, the idempotency key),
 * {@code webhook-timestamp} (seconds, this attempt) and {@code webhook-signature} (Standard Webhooks, v1). Redirects are
 * not followed (a moved receiver is re-registered by the operator); connect and request time out.
 */
@Component
class WebhookSender {

    private final HttpClient http;
    private final WebhookProperties settings;
    private final URI source;
    private final Clock clock;

    WebhookSender(WebhookProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.source = URI.create(settings.source());
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    DeliveryOutcome send(UUID subscriptionId, String url, String secret, ClaimsFeedEntry entry) {
        CloudEvent event = ClaimsCloudEvent.of(subscriptionId, entry, source);
        byte[] body = ClaimsCloudEvent.body(event);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(settings.requestTimeout())
                .header("Content-Type", ClaimsCloudEvent.CONTENT_TYPE)
                .header("webhook-id", event.getId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, event.getId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? DeliveryOutcome.ok() : DeliveryOutcome.status(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.exception(e);
        } catch (IOException | RuntimeException e) {
            return DeliveryOutcome.exception(e);
        }
    }
}
