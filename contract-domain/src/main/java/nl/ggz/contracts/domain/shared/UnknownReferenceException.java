package nl.ggz.contracts.domain.shared;

/** A request naming something inside an aggregate that does not exist (a patient stop, an increase request). */
public class UnknownReferenceException extends RuntimeException {
    public UnknownReferenceException(String message) {
        super(message);
    }
}
