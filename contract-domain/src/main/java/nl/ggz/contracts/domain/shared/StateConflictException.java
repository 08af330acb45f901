package nl.ggz.contracts.domain.shared;

/** A request that the current state does not allow (signing an expired offer, deciding a decided request). */
public class StateConflictException extends RuntimeException {
    public StateConflictException(String message) {
        super(message);
    }
}
