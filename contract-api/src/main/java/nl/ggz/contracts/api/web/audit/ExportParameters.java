package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.eventstore.EventTypes;
import nl.ggz.contracts.eventstore.FindAuditEvents;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderCode;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The filters of {@code GET /api/audit/events}, read strictly: a regulator who misspells a filter must get a 400, not
 * an export of everything. Unknown parameters, repeated single-valued ones and malformed values are refused with a
 * detail that names the parameter.
 */
final class ExportParameters {

    static final List<String> NAMES = List.of("contractId", "insurer", "provider", "year", "from", "to", "eventType",
            "after", "limit");

    private ExportParameters() {
    }

    static FindAuditEvents parse(Map<String, String[]> parameters, EventTypes eventTypes) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidValueException("unknown parameter '" + Echo.of(name) + "'; the filters are "
                        + String.join(", ", NAMES));
            }
        }
        String contractId = single(parameters, "contractId");
        String idProblem = Text.ID.problem(contractId);
        if (idProblem != null) {
            throw new InvalidValueException("contractId " + idProblem);
        }
        String insurer = single(parameters, "insurer");
        String provider = single(parameters, "provider");
        Instant from = instant(parameters, "from");
        Instant to = instant(parameters, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidValueException("from (" + from + ") must be before to (" + to + "): the export holds the "
                    + "events with from <= timestamp < to");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : parameters.getOrDefault("eventType", new String[0])) {
            for (String name : type.split(",")) {
                types.add(storedName(eventTypes, name.strip()));
            }
        }
        return new FindAuditEvents(contractId,
                insurer == null ? null : named("insurer", () -> new InsurerCode(insurer).value()),
                provider == null ? null : named("provider", () -> new ProviderCode(provider).value()),
                year(single(parameters, "year")), from, to, types, after(single(parameters, "after")),
                limit(single(parameters, "limit")));
    }

    /** The stored name of an event type; the refusal quotes at most 40 characters of the name asked for. */
    private static String storedName(EventTypes eventTypes, String name) {
        try {
            return eventTypes.storedName(name);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(e.getMessage().replace("'" + name + "'", "'" + Echo.of(name) + "'"));
        }
    }

    /** The domain's own words about a malformed code, prefixed with the parameter that carried it. */
    static String named(String name, Supplier<String> code) {
        try {
            return code.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(name + ": " + e.getMessage());
        }
    }

    static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidValueException(name + " is given " + values.length + " times; only eventType may be "
                    + "repeated");
        }
        return values[0];
    }

    private static Instant instant(Map<String, String[]> parameters, String name) {
        String value = single(parameters, name);
        return value == null ? null : InstantParameter.parse(name, value);
    }

    static Integer year(String value) {
        if (value == null) {
            return null;
        }
        Long year = number(value);
        if (year == null || !ContractYears.contains(year.intValue())) {
            throw new InvalidValueException("year is a contract year between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got '" + Echo.of(value)
                    + "'");
        }
        return year.intValue();
    }

    private static long after(String value) {
        if (value == null) {
            return 0;
        }
        Long after = number(value);
        if (after == null || after < 0) {
            throw new InvalidValueException("after is the position of the last event received (a whole number, 0 or "
                    + "more), got '" + Echo.of(value) + "'");
        }
        return after;
    }

    private static Long limit(String value) {
        if (value == null) {
            return null;
        }
        Long limit = number(value);
        if (limit == null || limit < 1) {
            throw new InvalidValueException("limit is the most events to send (a whole number, 1 or more), got '"
                    + Echo.of(value) + "'");
        }
        return limit;
    }

    private static Long number(String value) {
        String digits = value.strip();
        if (!digits.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(digits);
    }
}
