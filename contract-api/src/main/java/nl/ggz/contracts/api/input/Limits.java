package nl.ggz.contracts.api.input;

/** What the API accepts at most: beyond these, input is a mistake or an attack, never a contract. */
public final class Limits {
    /** € 100 billion, about the whole Dutch health budget: no amount in a contract comes near it. */
    public static final long MAX_CENTS = 10_000_000_000_000L;
    public static final int MAX_TEXT = 4_000;
    public static final int MAX_NAME = 200;

    private Limits() {
    }
}
