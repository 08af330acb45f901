package nl.ggz.contracts.webhooks;

/** Where a subscription's deliveries stand. */
public enum SubscriptionState {
    /** Delivering, or waiting for new lines. */
    ACTIVE,
    /** The last attempt failed; the line is tried again after a back-off. */
    FAILING,
    /** Every attempt failed: nothing is delivered until the operator retries (from the line that failed). */
    DEAD
}
