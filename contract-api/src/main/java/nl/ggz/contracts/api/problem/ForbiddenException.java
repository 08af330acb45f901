package nl.ggz.contracts.api.problem;

/** The caller is known but may not do this; answered 403. Never used for another tenant's ids, which are 404. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
