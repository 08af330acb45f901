package nl.ggz.contracts.domain.shared;

/** A value that cannot exist in the domain (a malformed code, a negative ceiling): the client's input is wrong. */
public class InvalidValueException extends RuntimeException {
    public InvalidValueException(String message) {
        super(message);
    }
}
