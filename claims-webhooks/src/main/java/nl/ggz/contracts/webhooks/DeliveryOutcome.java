package nl.ggz.contracts.webhooks;

/**
 * What came of one POST: a 2xx is delivered; anything else (another status, no connection, a timeout) is a failure,
 * described by its status or its exception's class only — a receiver's body may hold anything.
 */
record DeliveryOutcome(boolean delivered, String error) {

    static DeliveryOutcome ok() {
        return new DeliveryOutcome(true, null);
    }

    static DeliveryOutcome status(int status) {
        return new DeliveryOutcome(false, "HTTP " + status);
    }

    static DeliveryOutcome exception(Throwable e) {
        return new DeliveryOutcome(false, e.getClass().getName());
    }
}
