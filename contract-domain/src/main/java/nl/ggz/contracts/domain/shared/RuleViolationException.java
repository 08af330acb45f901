package nl.ggz.contracts.domain.shared;

/** A well-formed request that a purchasing rule refuses (above the cap, outside the window). */
public class RuleViolationException extends RuntimeException {
    public RuleViolationException(String message) {
        super(message);
    }
}
