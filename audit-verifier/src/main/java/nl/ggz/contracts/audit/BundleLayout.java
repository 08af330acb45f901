package nl.ggz.contracts.audit;

import java.util.List;

/**
 * The files of a regulator bundle ({@code GET /api/audit/bundle}), one zip archive: the application writes them in
 * this order, the events before the manifest that counts them, so that the archive is written while the events are
 * read; {@link BundleVerifier} reads them in any order.
 */
public final class BundleLayout {

    /** The manifest's {@code format}: names this layout, so that a later one can never be read as this one. */
    public static final String FORMAT = "ggz-audit-bundle/2";
    /** The first layout (no log head, no leaves, no first events): still read, it cannot show completeness. */
    public static final String FORMAT_1 = "ggz-audit-bundle/1";

    public static final String README = "README.txt";
    public static final String CHECKPOINT = "checkpoint.json";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String EVENTS = "events.ndjson";
    public static final String MANIFEST = "manifest.json";
    /** Since /2: the insurer's log head (a C2SP signed note) that covers every event of the bundle. */
    public static final String LOG_CHECKPOINT = "log-checkpoint.txt";
    /** Since /2, only when asked for ({@code since=}): the consistency proof from an earlier head to it. */
    public static final String LOG_CONSISTENCY = "log-consistency.json";
    /** Since /2: the first event of each of the insurer's streams outside the year, which shows it is outside. */
    public static final String FIRST_EVENTS = "first-events.ndjson";
    /** Since /2: every leaf of the insurer's log up to the head, in order. */
    public static final String LOG_LEAVES = "log-leaves.ndjson";

    /** The files of a bundle in the order written; {@link #LOG_CONSISTENCY} (after the head) only when asked for. */
    public static final List<String> FILES = List.of(README, CHECKPOINT, PUBLIC_KEY, LOG_CHECKPOINT, FIRST_EVENTS,
            EVENTS, LOG_LEAVES, MANIFEST);
    /** The files of a /1 bundle. */
    public static final List<String> FILES_1 = List.of(README, CHECKPOINT, PUBLIC_KEY, EVENTS, MANIFEST);

    private BundleLayout() {
    }

    /** The archive's name: {@code ggz-audit-7095-2027.zip}. */
    public static String fileName(String insurer, int year) {
        return "ggz-audit-" + insurer + "-" + year + ".zip";
    }
}
