package nl.ggz.contracts.eventstore;

/** An export cannot promise completeness yet: a write to the event table stays open too long (503, try again). */
public class WritesStillOpenException extends RuntimeException {
    public WritesStillOpenException(String message) {
        super(message);
    }
}
