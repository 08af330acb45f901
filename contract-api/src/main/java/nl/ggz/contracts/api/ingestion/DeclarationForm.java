package nl.ggz.contracts.api.ingestion;

import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;

/**
 * The form of a line, checked before routing: what is required, and the API's text rules ({@link Text}) for ids, the
 * pseudonym and the prestatie code; the treatment date was read by the API's date rule. The values' own rules are
 * their types' (a setting 1 to 8, a prestatie code), and the declaration rules — a declaration is positive, a credit
 * is negative and names the declaration it corrects, the treatment date lies in the ceiling's year — are the ceiling's
 * ({@code CeilingAgreement}): each is judged in one place.
 */
final class DeclarationForm {

    private DeclarationForm() {
    }

    static String problemWith(DeclarationItem item) {
        if (item == null) {
            return "a declaration must be a JSON object";
        }
        if (item.declarationId() == null) {
            return "declarationId is required";
        }
        String problem = textProblem("declarationId", item.declarationId(), Text.ID);
        if (problem != null) {
            return problem;
        }
        if (item.contractId() == null) {
            return "contractId is required";
        }
        problem = textProblem("contractId", item.contractId(), Text.ID);
        if (problem != null) {
            return problem;
        }
        if (item.treatmentDate() == null) {
            return "treatmentDate is required (yyyy-MM-dd)";
        }
        if (item.setting() == null) {
            return "setting is required: a number from 1 to 8";
        }
        if (item.prestatieCode() == null) {
            return "prestatieCode is required: 1 to 20 letters and digits";
        }
        problem = textProblem("prestatieCode", item.prestatieCode(), Text.CODE);
        if (problem != null) {
            return problem;
        }
        if (item.patientRef() == null) {
            return "patientRef is required: the claims system's pseudonym (at most " + Text.ID.maxLength()
                    + " visible ASCII characters)";
        }
        problem = textProblem("patientRef", item.patientRef(), Text.ID);
        if (problem != null) {
            return problem;
        }
        if (item.amountCents() == null) {
            return "amountCents is required (a credit is negative)";
        }
        // not Math.abs: the absolute value of Long.MIN_VALUE is Long.MIN_VALUE, which passed a check of "at most"
        if (item.amountCents() > Limits.MAX_CENTS || item.amountCents() < -Limits.MAX_CENTS) {
            return "amountCents is at most " + Limits.MAX_CENTS + " either way";
        }
        return textProblem("correctsDeclarationId", item.correctsDeclarationId(), Text.ID);
    }

    private static String textProblem(String field, String value, Text rule) {
        String problem = rule.problem(value);
        return problem == null ? null : field + " " + problem;
    }
}
