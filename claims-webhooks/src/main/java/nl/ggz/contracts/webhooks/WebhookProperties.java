package nl.ggz.contracts.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeed;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The webhooks' settings, {@code ggz.webhooks.*}. Their values, defaults included, are in the application's
 * {@code application.yml}; an impossible value stops the start, naming the property.
 *
 * @param enabled           whether this node delivers (the operator API works either way)
 * @param threads           subscriptions delivered at once on this node; each delivers its lines one after the other
 * @param pollInterval      how often a subscription that has caught up looks for new lines
 * @param batchSize         feed lines read at once for one subscription
 * @param claimBudget       how long one node keeps delivering one subscription before it lets go of the row (another
 *                          node, or this one, takes it up again at once when more is waiting)
 * @param connectTimeout    to connect to a receiver
 * @param requestTimeout    for a receiver's answer to one delivery
 * @param source            the CloudEvents {@code source} of every event: this application, as a URI
 * @param allowLoopbackHttp plain {@code http://} to a loopback address (a receiver on this machine); the embedded trial
 *                          allows it regardless, production only with this on. Anything else must be {@code https://}
 * @param retry             the back-off after a failed delivery
 */
@Validated
@ConfigurationProperties(prefix = "ggz.webhooks")
public record WebhookProperties(boolean enabled,
                                @Positive @Max(64) int threads,
                                @NotNull @DurationMin(millis = 10) Duration pollInterval,
                                @Positive @Max(ClaimsFeed.MAX_LIMIT) int batchSize,
                                @NotNull @DurationMin(millis = 100) Duration claimBudget,
                                @NotNull @DurationMin(millis = 10) Duration connectTimeout,
                                @NotNull @DurationMin(millis = 10) Duration requestTimeout,
                                @NotBlank String source,
                                boolean allowLoopbackHttp,
                                @Valid @NotNull Retry retry) {

    /**
     * Exponential back-off: the n-th failed attempt in a row waits {@code initialBackoff × 2^(n-1)}, at most
     * {@code maxBackoff}; after {@code maxAttempts} failed attempts the subscription is DEAD until the operator retries.
     */
    public record Retry(@NotNull @DurationMin(millis = 1) Duration initialBackoff,
                        @NotNull @DurationMin(millis = 1) Duration maxBackoff,
                        @Positive @Max(1_000) int maxAttempts) {

        /** The wait after the given number of failed attempts in a row (1 or more). */
        public Duration backoffAfter(int failedAttempts) {
            int doublings = Math.min(Math.max(failedAttempts - 1, 0), 40);
            long millis = initialBackoff.toMillis();
            for (int i = 0; i < doublings && millis < maxBackoff.toMillis(); i++) {
                millis *= 2;
            }
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }
}
