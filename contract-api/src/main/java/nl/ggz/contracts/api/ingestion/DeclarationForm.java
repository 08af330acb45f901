package nl.ggz.contracts.api.ingestion;

import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;

/**
 * The form of a line, checked before routing: anything the domain cannot even be asked about. Ids, the pseudonym and
 * the prestatie code keep the API's text rules ({@link Text}); the treatment date was read by the API's date rule.
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
        if (item.setting() == null || item.setting() < 1 || item.setting() > 8) {
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
        if (item.amountCents() == null || item.amountCents() == 0) {
            return "amountCents is required and not zero (a credit is negative)";
        }
        // not Math.abs: the absolute value of Long.MIN_VALUE is Long.MIN_VALUE, which passed a check of "at most"
        if (item.amountCents() > Limits.MAX_CENTS || item.amountCents() < -Limits.MAX_CENTS) {
            return "amountCents is at most " + Limits.MAX_CENTS + " either way";
        }
        if (item.amountCents() < 0 && item.correctsDeclarationId() == null) {
            return "a credit (negative amountCents) names the declaration it corrects in correctsDeclarationId";
        }
        return textProblem("correctsDeclarationId", item.correctsDeclarationId(), Text.ID);
    }

    private static String textProblem(String field, String value, Text rule) {
        String problem = rule.problem(value);
        return problem == null ? null : field + " " + problem;
    }
}
