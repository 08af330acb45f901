package nl.ggz.contracts.api.input;

import nl.ggz.contracts.domain.shared.ContractYears;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Dates and instants as clients write them (README "Input rules"): ISO-8601 text only — no numbers, arrays or
 * five-digit years — in the years 2000 to 2100 ({@link ContractYears}). The form is checked before anything is parsed.
 */
public final class Dates {

    public static final String DATE_RULE = "a date is written yyyy-MM-dd, in the years " + ContractYears.RANGE;
    public static final String INSTANT_RULE = "an instant is ISO-8601 with Z or an offset, such as "
            + "2027-04-01T00:00:00+02:00, in the years " + ContractYears.RANGE;

    public static final String PERIOD_RULE = "a period is ISO-8601 in years, months, weeks and days, such as P28D, "
            + "P4W, P1M or P6M, without a sign or a time";

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern PERIOD = Pattern.compile("P(?=[0-9])([0-9]{1,3}Y)?([0-9]{1,3}M)?([0-9]{1,3}W)?([0-9]{1,4}D)?");
    private static final Pattern INSTANT = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})");

    private Dates() {
    }

    /** The date the text names, or null when it is no date in the years 2000 to 2100. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return ContractYears.contains(date) ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The period the text names (P28D, P1M), or null when it is none: the form is checked before it is parsed. */
    public static Period period(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            return null;
        }
        try {
            return Period.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The moment the text names, or null when it is no instant (with Z or an offset) in the years 2000 to 2100. */
    public static OffsetDateTime moment(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            return null;
        }
        try {
            OffsetDateTime moment = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return ContractYears.contains(moment.toInstant()) ? moment : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
