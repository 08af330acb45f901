package nl.ggz.contracts.webhooks;

/**
 * A new subscription and its secret, which signs every delivery: shown this once, never again (the operator hands it
 * to the insurer's integrator).
 */
public record Registration(Subscription subscription, String secret) {
}
