package nl.ggz.contracts.projections.claimsfeed;

import java.util.List;

/**
 * A page of the claims feed, and where to go on from: after the last entry when the page is full, else the end of
 * what was read (the committed horizon, or the end of the stretch of positions read), so that a quiet insurer's
 * reader moves on past other insurers' events instead of reading them again.
 */
public record ClaimsFeedPage(List<ClaimsFeedEntry> entries, FeedCursor resumeAfter) {

    public ClaimsFeedPage {
        entries = List.copyOf(entries);
    }
}
