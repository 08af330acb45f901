package nl.ggz.contracts.audit;

/** What the verifier found wrong at the first event it could not accept. */
public enum Tampering {
    /** The event's hash does not match its content: a field was changed after it was written. */
    ALTERED,
    /** An event is not in the export: a sequence number is skipped, or a link leads to an event that is not there. */
    MISSING,
    /** Positions do not ascend, or a stream's sequence numbers go back. */
    REORDERED
}
