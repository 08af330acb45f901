package nl.ggz.contracts.api.web.ceiling;

import nl.ggz.contracts.api.input.Dates;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.projections.declaration.DeclarationLineStatus;
import nl.ggz.contracts.projections.declaration.FindDeclarationLines;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static nl.ggz.contracts.api.input.QueryParameters.single;

/** The filters of a ceiling's declaration list, read strictly: unknown or malformed ones are a 400 naming them. */
final class DeclarationListParameters {

    static final List<String> NAMES = List.of("status", "from", "to", "after", "limit");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private DeclarationListParameters() {
    }

    static FindDeclarationLines parse(String ceilingId, Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidValueException("unknown parameter '" + Echo.of(name) + "'; the list takes "
                        + String.join(", ", NAMES));
            }
        }
        String status = single(parameters, "status");
        DeclarationLineStatus lineStatus = null;
        if (status != null) {
            lineStatus = Arrays.stream(DeclarationLineStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> new InvalidValueException("status is one of "
                            + Arrays.toString(DeclarationLineStatus.values()) + ", got '" + Echo.of(status) + "'"));
        }
        LocalDate from = date(parameters, "from");
        LocalDate to = date(parameters, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidValueException("to (" + to + ") is before from (" + from + "): both are treatment dates, "
                    + "inclusive");
        }
        String after = single(parameters, "after");
        long position = 0;
        if (after != null) {
            if (!after.matches("\\d{1,18}")) {
                throw new InvalidValueException("after is the position of the last line of the previous page (the "
                        + "page's next; a whole number, 0 or more), got '" + Echo.of(after) + "'");
            }
            position = Long.parseLong(after);
        }
        String limit = single(parameters, "limit");
        int most = DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.matches("\\d{1,4}") || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT) {
                throw new InvalidValueException("limit is the most lines on a page, 1 to " + MAX_LIMIT + ", got '"
                        + Echo.of(limit) + "'");
            }
            most = Integer.parseInt(limit);
        }
        return new FindDeclarationLines(ceilingId, lineStatus, from, to, position, most);
    }

    private static LocalDate date(Map<String, String[]> parameters, String name) {
        String value = single(parameters, name);
        if (value == null) {
            return null;
        }
        LocalDate date = Dates.date(value);
        if (date == null) {
            throw new InvalidValueException(name + ": " + Dates.DATE_RULE + ", got '" + Echo.of(value) + "'");
        }
        return date;
    }
}
