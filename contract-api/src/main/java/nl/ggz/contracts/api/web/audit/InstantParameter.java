package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** An instant given in a query parameter: ISO-8601 with {@code Z} or an offset ({@code +01:00}, written %2B01:00). */
public final class InstantParameter {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private InstantParameter() {
    }

    public static Instant parse(String name, String value) {
        try {
            Instant instant = OffsetDateTime.parse(value.strip()).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidValueException(name + " must lie in the years 0001 to 9999, got '"
                        + Echo.of(value) + "'");
            }
            return instant;
        } catch (DateTimeParseException e) {
            // a '+' that was not encoded arrives as a space
            String hint = value.contains(" ") ? " (a '+' in a URL is written %2B)" : "";
            throw new InvalidValueException(name + " is an ISO-8601 instant such as 2027-03-01T09:00:00Z or "
                    + "2027-03-01T10:00:00+01:00, got '" + Echo.of(value) + "'" + hint);
        }
    }
}
