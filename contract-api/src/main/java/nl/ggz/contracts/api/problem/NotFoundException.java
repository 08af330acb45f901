package nl.ggz.contracts.api.problem;

/** The id in the path names nothing we hold (or nothing the caller may see). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
