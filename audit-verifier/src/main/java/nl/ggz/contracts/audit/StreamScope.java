package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which insurer and contract years a stream belongs to, read from its first event alone: the rule by which the export's
 * {@code insurer} and {@code year} filters select a stream ({@code AuditEventReader}: the read models take the insurer,
 * the term and the year from these same first events, and no later event changes them), written once here so that the
 * application, which builds a bundle by it, and the regulator's verifier, which checks a bundle by it, agree.
 * <ul>
 *     <li>{@code ContractOffered}: the years of its term, {@code term.start} to {@code term.end} (a contract's term is
 *     fixed by its offer; a renewal is a contract of its own);</li>
 *     <li>{@code CeilingAgreed}: its {@code year};</li>
 *     <li>{@code PurchasingPolicyPublished}: its {@code contractYear};</li>
 *     <li>{@code PatientDataErased}: no year (an erasure is in the insurer's log, in no year's export).</li>
 * </ul>
 * Any other first event, or one without a four-digit {@code insurer}, decides nothing: such a stream goes into every
 * bundle of its insurer in full (more, never less).
 */
public record StreamScope(String insurer, int firstYear, int lastYear) {

    public static final String CONTRACT_OFFERED = "nl.ggz.contracts.domain.contract.ContractOffered";
    public static final String CEILING_AGREED = "nl.ggz.contracts.domain.ceiling.CeilingAgreed";
    public static final String POLICY_PUBLISHED = "nl.ggz.contracts.domain.policy.PurchasingPolicyPublished";
    public static final String PATIENT_DATA_ERASED = "nl.ggz.contracts.domain.privacy.PatientDataErased";

    public boolean covers(int year) {
        return firstYear <= year && year <= lastYear;
    }

    /** The scope of a stream whose first event has this stored type and payload; empty when it decides nothing. */
    public static Optional<StreamScope> of(String eventType, JsonNode payload) {
        if (eventType == null || payload == null || !payload.isObject()) {
            return Optional.empty();
        }
        JsonNode insurer = payload.get("insurer");
        if (insurer == null || !insurer.isTextual() || !insurer.textValue().matches("\\d{4}")) {
            return Optional.empty();
        }
        String code = insurer.textValue();
        try {
            return switch (eventType) {
                case CONTRACT_OFFERED -> {
                    int first = LocalDate.parse(payload.path("term").path("start").asText("")).getYear();
                    int last = LocalDate.parse(payload.path("term").path("end").asText("")).getYear();
                    yield first <= last ? Optional.of(new StreamScope(code, first, last)) : Optional.empty();
                }
                case CEILING_AGREED -> year(code, payload.get("year"));
                case POLICY_PUBLISHED -> year(code, payload.get("contractYear"));
                case PATIENT_DATA_ERASED -> Optional.of(new StreamScope(code, 1, 0));
                default -> Optional.empty();
            };
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<StreamScope> year(String insurer, JsonNode year) {
        return year != null && year.canConvertToInt() && year.isIntegralNumber()
                ? Optional.of(new StreamScope(insurer, year.intValue(), year.intValue())) : Optional.empty();
    }

    /** "2027", "2027 to 2028", or "no year", for reports. */
    public String years() {
        return firstYear > lastYear ? "no year" : firstYear == lastYear ? String.valueOf(firstYear)
                : firstYear + " to " + lastYear;
    }
}
