package nl.ggz.contracts.domain.shared;

/**
 * A client's value quoted back in a message: at most {@value #MAX} characters and an ellipsis, with control, format
 * and other invisible characters shown as '?', so that a message never carries a megabyte of input, a terminal escape
 * or a right-to-left override.
 */
public final class Echo {

    public static final int MAX = 40;

    private Echo() {
    }

    public static String of(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX + 1));
        int shown = 0;
        for (int i = 0; i < value.length(); shown++) {
            if (shown == MAX) {
                return quoted.append('…').toString();
            }
            int codePoint = value.codePointAt(i);
            quoted.appendCodePoint(visible(codePoint) ? codePoint : '?');
            i += Character.charCount(codePoint);
        }
        return quoted.toString();
    }

    private static boolean visible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                 Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
