package nl.ggz.contracts.api.input;

import java.util.Locale;

/**
 * The rules for text a client sends, in one place (README "Input rules"). Every text field of a body, every path
 * variable and query parameter, and the correlation header is one of these kinds, checked at the edge before anything
 * is looked up or stored: a body field and a path variable by {@link ValidText}, every query parameter and path by
 * {@link ParameterTextFilter}, a declaration line by the intake's form check, the correlation id by its filter.
 * <p>
 * Text never holds control characters (C0, DEL, C1) — free text may hold tab and line breaks — nor bidirectional
 * overrides, embeddings or isolates (U+202A–U+202E, U+2066–U+2069), lone surrogates or noncharacters: they poison
 * databases (PostgreSQL refuses NUL), logs and terminals, and make one text read as another. Ids and codes are
 * narrower still, since they are compared, joined and shown byte for byte.
 */
public enum Text {

    /** Ids and pseudonyms (contract, ceiling, declaration, stop, request and addendum ids, patientRef). */
    ID(64, "an id is 1 to 64 visible ASCII characters (U+0021 to U+007E: no spaces, no accents)"),
    /** Codes such as a prestatie code. */
    CODE(20, "a code is 1 to 20 ASCII letters and digits"),
    /** Decimal text such as a tariff percentage ("92.50"); its value type reads the exact form. */
    DECIMAL(14, "a decimal is 1 to 14 digits and points, such as 92.50"),
    /** Correlation ids: a UUID or a short token. */
    TOKEN(64, "a correlation id is 1 to 64 ASCII letters, digits, '.', '_' and '-'"),
    /** A person's name (signedBy): one line of text. */
    NAME(Limits.MAX_NAME, "a name is one line of at most " + Limits.MAX_NAME + " characters without control, "
            + "bidirectional-control or noncharacter code points"),
    /** Reasons and grounds: text that may run over several lines. */
    FREE_TEXT(Limits.MAX_TEXT, "free text is at most " + Limits.MAX_TEXT + " characters without control characters "
            + "(tab and line breaks excepted), bidirectional controls, lone surrogates or noncharacters"),
    /** Query parameters and paths as a whole; the parameter's own rule (an id, a code, a date) comes after. */
    PARAMETER(1_000, "a query parameter or path is at most 1000 characters without control, "
            + "bidirectional-control, lone-surrogate or noncharacter code points");

    private final int maxLength;
    private final String rule;

    Text(int maxLength, String rule) {
        this.maxLength = maxLength;
        this.rule = rule;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The rule in words, as the README and the problem details give it. */
    public String rule() {
        return rule;
    }

    public boolean accepts(String value) {
        return problem(value) == null;
    }

    /**
     * Why the value breaks the rule — to follow the field's name, e.g. "reason holds U+0000 (a control character) at
     * position 2; free text is …" — or null when it keeps it. Null values are the field's own business (required or
     * not). Only code points and positions are quoted, never the input itself.
     */
    public String problem(String value) {
        if (value == null) {
            return null;
        }
        boolean narrow = this == ID || this == CODE || this == DECIMAL || this == TOKEN;
        if (narrow && value.isEmpty()) {
            return "is empty; " + rule;
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters (" + value.length() + "); " + rule;
        }
        int position = 1;
        for (int i = 0; i < value.length(); position++) {
            int codePoint = value.codePointAt(i);
            String what = narrow ? narrowProblem(codePoint) : textProblem(codePoint, this == FREE_TEXT);
            if (what != null) {
                return "holds " + codePointName(codePoint) + (what.isEmpty() ? "" : " (" + what + ")")
                        + " at position " + position + "; " + rule;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    private String narrowProblem(int c) {
        boolean allowed = switch (this) {
            case ID -> c >= 0x21 && c <= 0x7E;
            case CODE -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            case DECIMAL -> (c >= '0' && c <= '9') || c == '.';
            default -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || c == '.' || c == '_' || c == '-';
        };
        if (allowed) {
            return null;
        }
        String kind = textProblem(c, false);
        if (kind != null) {
            return kind;
        }
        return c == ' ' ? "a space" : Character.getType(c) == Character.FORMAT ? "an invisible format character" : "";
    }

    /** What kind of character is never allowed in text; null for one that is. */
    private static String textProblem(int c, boolean lineBreaks) {
        if (c < 0x20) {
            return lineBreaks && (c == '\t' || c == '\n' || c == '\r') ? null : "a control character";
        }
        if (c >= 0x7F && c <= 0x9F) {
            return "a control character";
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return "a bidirectional control";
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
            return "a lone surrogate";
        }
        if ((c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) {
            return "a noncharacter";
        }
        if (!lineBreaks && (c == 0x2028 || c == 0x2029)) {
            return "a line break";
        }
        return null;
    }

    private static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
