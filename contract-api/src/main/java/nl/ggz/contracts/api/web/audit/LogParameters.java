package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Map;

/**
 * The query parameters of the verifiable log's endpoints, read as strictly as the export's: an unknown or repeated
 * parameter, a number that is no whole number of 1 or more (or has more than 18 digits) is a 400 naming it.
 */
final class LogParameters {

    private LogParameters() {
    }

    static void only(Map<String, String[]> parameters, List<String> names) {
        for (String name : parameters.keySet()) {
            if (!names.contains(name)) {
                throw new InvalidValueException("unknown parameter '" + Echo.of(name) + "'; this takes "
                        + String.join(", ", names));
            }
        }
    }

    /** The insurer whose log is asked for; null: the global log. */
    static String insurer(Map<String, String[]> parameters) {
        String insurer = ExportParameters.single(parameters, "insurer");
        return insurer == null ? null : ExportParameters.named("insurer", () -> new InsurerCode(insurer).value());
    }

    /** A required count or position: a whole number from 1 to 10^18 - 1. */
    static long positive(Map<String, String[]> parameters, String name, String what) {
        String value = ExportParameters.single(parameters, name);
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(name + " is required: " + what);
        }
        if (!value.matches("\\d{1,18}") || Long.parseLong(value) < 1) {
            throw new InvalidValueException(name + " is " + what + ", a whole number of 1 or more, got '"
                    + Echo.of(value) + "'");
        }
        return Long.parseLong(value);
    }
}
