package nl.ggz.contracts.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription as the operator sees it (never its secret). {@code cursor} is the claims feed cursor of the last line
 * the receiver acknowledged (or the end of what was read past without a line for this insurer): delivery goes on
 * after it. {@code attempts} counts the failed attempts at the next line since the last success.
 */
public record Subscription(UUID subscriptionId, String insurerUzovi, String url, SubscriptionState state,
                           String cursor, Instant lastDeliveredAt, int attempts, Instant nextAttemptAt,
                           String lastError, Instant createdAt) {
}
