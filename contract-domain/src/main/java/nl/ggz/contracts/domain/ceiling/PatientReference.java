package nl.ggz.contracts.domain.ceiling;

import java.text.Normalizer;

/** Seed 002 §4.3 (privacy statement): a declaration names the insured person by pseudonym only, never by BSN. */
public final class PatientReference {
    private PatientReference() {
    }

    /**
     * Whether the value is a BSN however it is dressed up: compatibility forms folded (NFKC: full-width digits), then
     * everything but the digits dropped (separators, spaces, zero-width and other invisible characters, letters such as
     * a "BSN" prefix), digits of any script read as their value. Nine digits that pass the eleven-test
     * (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11) are a BSN; so are eight, the older form written without its
     * leading zero. The price is that a pseudonym whose only digits happen to pass the test is refused too: the claims
     * system then picks another, which is cheap beside a BSN stored in a history that cannot be rewritten.
     */
    public static boolean looksLikeBsn(String value) {
        if (value == null) {
            return false;
        }
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder(9);
        for (int i = 0; i < folded.length() && digits.length() <= 9; ) {
            int c = folded.codePointAt(i);
            if (Character.isDigit(c)) {
                digits.append(Character.digit(c, 10));
            }
            i += Character.charCount(c);
        }
        if (digits.length() == 8) {
            digits.insert(0, '0');
        }
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
