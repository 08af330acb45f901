package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.util.List;
import java.util.Map;

/**
 * The parameters of {@code GET /api/audit/bundle}, read as strictly as the export's filters: a bundle handed to the
 * NZa must be the insurer and year that were meant, never a guess. {@code insurer} and {@code year} are required;
 * {@code since} (optional) is the size of the insurer's log head the regulator received last, for a consistency proof
 * from it (null: none).
 */
record BundleParameters(String insurer, int year, Long since) {

    static final List<String> NAMES = List.of("insurer", "year", "since");

    static BundleParameters parse(Map<String, String[]> parameters) {
        for (String name : parameters.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidValueException("unknown parameter '" + Echo.of(name) + "'; a bundle takes insurer, "
                        + "year and since");
            }
        }
        String insurer = ExportParameters.single(parameters, "insurer");
        if (insurer == null || insurer.isEmpty()) {
            throw new InvalidValueException("insurer is required: the UZOVI code (four digits) of the insurer whose "
                    + "events the bundle holds");
        }
        String code = ExportParameters.named("insurer", () -> new InsurerCode(Echo.of(insurer)).value());
        String year = ExportParameters.single(parameters, "year");
        if (year == null || year.isEmpty()) {
            throw new InvalidValueException("year is required: the contract year (2000 to 2100) whose events the "
                    + "bundle holds");
        }
        Long since = parameters.containsKey("since") ? LogParameters.positive(parameters, "since",
                "the size of the insurer's log head received last") : null;
        return new BundleParameters(code, ExportParameters.year(year), since);
    }
}
