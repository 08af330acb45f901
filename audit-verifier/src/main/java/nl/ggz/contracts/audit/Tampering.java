package nl.ggz.contracts.audit;

/** What the verifier found wrong at the first event it could not accept. */
public enum Tampering {
    /** The event's hash does not match its content: a field was changed after it was written. */
    ALTERED,
    /** An event is not in the export: a sequence number is skipped, or a link leads to an event that is not there. */
    MISSING,
    /** Positions do not ascend, or a stream's sequence numbers go back. */
    REORDERED,
    /**
     * A signed checkpoint does not hold for the export: its signature is invalid, or the history up to it differs
     * (a chain rewritten from some event on, or events missing, also at the end of a stream or of the export).
     */
    CHECKPOINT,
    /**
     * A bundle does not hold together: a file is missing or malformed, {@code events.ndjson} is not the file the
     * manifest describes (checksum, counts, streams), or it holds events the checkpoint does not cover.
     */
    BUNDLE,
    /**
     * A stream's last event in a bundle is not the head the signed checkpoint covers: it differs from the manifest's
     * head, or the head's inclusion proof does not lead to the signed root.
     */
    HEAD,
    /**
     * The log's signed head does not hold: no valid signature by the log's key, or it is not a consistent extension
     * of the head the verifier stored (the proof fails, is missing or is for other sizes, or the head is older).
     */
    INCONSISTENT,
    /** Two signed heads of one log with the same size and different roots: the log shows different histories. */
    FORK,
    /**
     * The log recomputed from an export differs from a head the verifier stored (or from the checkpoint given): an
     * event below it was changed, removed, inserted or reordered; named by the positions of the first block that
     * differs.
     */
    REWRITTEN,
    /** An inclusion proof of the log does not lead from the event's leaf to the signed root of the size it names. */
    INCLUSION,
    /**
     * A bundle lacks an event of its insurer's log up to the signed head: the event is not in {@code events.ndjson},
     * and its stream is not shown to lie outside the bundle's year (by its first event).
     */
    INCOMPLETE,
    /** A witness given has no valid cosignature (C2SP tlog-cosignature) on the log's signed head. */
    COSIGNATURE,
    /** An RFC 3161 timestamp token does not hold for the head: another imprint, changed, or not the TSA's. */
    TIMESTAMP
}
