package nl.ggz.contracts.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The years that contract terms, policies, patient stops, declarations and every moment sent with them may lie in:
 * 2000 to 2100. Anything beyond is a typing error or a probe (9999, +10000, -0001), and such dates overflow date
 * arithmetic and the database's date types further on.
 */
public final class ContractYears {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;
    /** As the rule reads in messages and the README. */
    public static final String RANGE = FIRST + " to " + LAST;

    private static final Instant START = LocalDate.of(FIRST, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LocalDate.of(LAST + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private ContractYears() {
    }

    public static boolean contains(int year) {
        return year >= FIRST && year <= LAST;
    }

    public static boolean contains(LocalDate date) {
        return date != null && contains(date.getYear());
    }

    /** From 2000-01-01T00:00Z up to, not including, 2101-01-01T00:00Z. */
    public static boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(START) && instant.isBefore(END);
    }
}
