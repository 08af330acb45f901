package nl.ggz.contracts.api.web.claims;

import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeed;
import nl.ggz.contracts.projections.claimsfeed.FeedCursor;

import java.util.List;
import java.util.Map;

import static nl.ggz.contracts.api.input.QueryParameters.single;

/**
 * {@code after} and {@code limit} of the claims feed, read strictly: a claims system that misspells {@code after}
 * must get a 400, never the feed from the start again (it would pay twice).
 */
record FeedParameters(FeedCursor after, int limit) {

    static final List<String> NAMES = List.of("after", "limit");

    static FeedParameters parse(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidValueException("unknown parameter '" + Echo.of(name) + "'; the feed takes after "
                        + "and limit");
            }
        }
        String after = single(parameters, "after");
        String limit = single(parameters, "limit");
        FeedCursor cursor = FeedCursor.START;
        if (after != null) {
            try {
                cursor = FeedCursor.parse(after);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("after must be a feed position such as 1234 or 1234.17 (the cursor of "
                        + "the last line read), got '" + Echo.of(after) + "'");
            }
        }
        int most = ClaimsFeed.MAX_LIMIT;
        if (limit != null) {
            if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > most) {
                throw new InvalidValueException("limit is the most lines to send, 1 to " + most + ", got '"
                        + Echo.of(limit) + "'");
            }
            most = Integer.parseInt(limit);
        }
        return new FeedParameters(cursor, most);
    }
}
