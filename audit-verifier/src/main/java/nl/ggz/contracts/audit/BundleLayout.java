package nl.ggz.contracts.audit;

import java.util.List;

/**
 * The files of a regulator bundle ({@code GET /api/audit/bundle}), one zip archive: the application writes them in
 * this order, the events before the manifest that counts them, so that the archive is written while the events are
 * read; {@link BundleVerifier} reads them in any order.
 */
public final class BundleLayout {

    /** The manifest's {@code format}: names this layout, so that a later one can never be read as this one. */
    public static final String FORMAT = "ggz-audit-bundle/1";

    public static final String README = "README.txt";
    public static final String CHECKPOINT = "checkpoint.json";
    public static final String PUBLIC_KEY = "public-key.pem";
    public static final String EVENTS = "events.ndjson";
    public static final String MANIFEST = "manifest.json";

    public static final List<String> FILES = List.of(README, CHECKPOINT, PUBLIC_KEY, EVENTS, MANIFEST);

    private BundleLayout() {
    }

    /** The archive's name: {@code ggz-audit-7095-2027.zip}. */
    public static String fileName(String insurer, int year) {
        return "ggz-audit-" + insurer + "-" + year + ".zip";
    }
}
