package nl.ggz.contracts.domain.ceiling;

/** Seed 002 §4.3 (privacy statement): a declaration names the insured person by pseudonym only, never by BSN. */
public final class PatientReference {
    private PatientReference() {
    }

    /** Nine digits that pass the BSN eleven-test (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11). */
    public static boolean looksLikeBsn(String value) {
        if (value == null) {
            return false;
        }
        String digits = value.strip();
        if (!digits.matches("\\d{9}")) {
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
