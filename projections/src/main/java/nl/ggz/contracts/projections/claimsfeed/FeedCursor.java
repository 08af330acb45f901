package nl.ggz.contracts.projections.claimsfeed;

/**
 * A place in the claims feed: after the event at global {@code position} — wholly, or up to and including its line
 * {@code index} (a release of many declarations is one event of many lines). Written {@code "1234"} or
 * {@code "1234.17"}; the feed is resumed with {@code after=} the cursor of the last line read.
 */
public record FeedCursor(long position, int index) {

    /** Every line of the event at the position is behind the cursor. */
    public static final int WHOLE_EVENT = Integer.MAX_VALUE;

    public static final FeedCursor START = new FeedCursor(0, WHOLE_EVENT);

    public FeedCursor {
        if (position < 0 || index < 0) {
            throw new IllegalArgumentException("a feed cursor is a position of 0 or more, optionally followed by '.' "
                    + "and a line index of 0 or more");
        }
    }

    public static FeedCursor afterEvent(long position) {
        return new FeedCursor(position, WHOLE_EVENT);
    }

    public boolean wholeEvent() {
        return index == WHOLE_EVENT;
    }

    /**
     * Reads {@code "1234"} or {@code "1234.17"}; anything else is refused with an {@link IllegalArgumentException}
     * whose message says what is expected.
     */
    public static FeedCursor parse(String text) {
        String expected = "after must be a feed position such as 1234 or 1234.17 (the cursor of the last line read), "
                + "got '" + text + "'";
        if (text == null || !text.matches("\\d{1,18}(\\.\\d{1,9})?")) {
            throw new IllegalArgumentException(expected);
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return afterEvent(Long.parseLong(text));
        }
        return new FeedCursor(Long.parseLong(text.substring(0, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    @Override
    public String toString() {
        return wholeEvent() ? Long.toString(position) : position + "." + index;
    }
}
