package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.api.input.Dates;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An instant given in a query parameter: ISO-8601 with {@code Z} or an offset ({@code +01:00}, written %2B01:00), in
 * the years 2000 to 2100 like every instant the API takes ({@link Dates}).
 */
public final class InstantParameter {

    private InstantParameter() {
    }

    public static Instant parse(String name, String value) {
        OffsetDateTime moment = Dates.moment(value.strip());
        if (moment != null) {
            return moment.toInstant();
        }
        // a '+' that was not encoded arrives as a space
        String hint = value.contains(" ") ? " (a '+' in a URL is written %2B)" : "";
        throw new InvalidValueException(name + " is an ISO-8601 instant such as 2027-03-01T09:00:00Z or "
                + "2027-03-01T10:00:00+01:00, in the years " + ContractYears.RANGE + ", got '" + Echo.of(value) + "'"
                + hint);
    }
}
