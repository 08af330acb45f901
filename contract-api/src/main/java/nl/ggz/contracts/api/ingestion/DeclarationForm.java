package nl.ggz.contracts.api.ingestion;

import nl.ggz.contracts.api.web.Limits;

/** The form of a line, checked before routing: anything the domain cannot even be asked about. */
final class DeclarationForm {

    static final int MAX_ID_LENGTH = 64;

    private DeclarationForm() {
    }

    static String problemWith(DeclarationItem item) {
        if (item == null) {
            return "a declaration must be a JSON object";
        }
        if (blankOrTooLong(item.declarationId())) {
            return "declarationId is required (at most " + MAX_ID_LENGTH + " characters)";
        }
        if (blankOrTooLong(item.contractId())) {
            return "contractId is required";
        }
        if (item.treatmentDate() == null) {
            return "treatmentDate is required (yyyy-MM-dd)";
        }
        if (item.setting() == null || item.setting() < 1 || item.setting() > 8) {
            return "setting is required: a number from 1 to 8";
        }
        if (item.prestatieCode() == null || !item.prestatieCode().matches("[A-Za-z0-9]{1,20}")) {
            return "prestatieCode is required: 1 to 20 letters and digits";
        }
        if (blankOrTooLong(item.patientRef())) {
            return "patientRef is required: the claims system's pseudonym (at most " + MAX_ID_LENGTH + " characters)";
        }
        if (item.amountCents() == null || item.amountCents() == 0) {
            return "amountCents is required and not zero (a credit is negative)";
        }
        if (Math.abs(item.amountCents()) > Limits.MAX_CENTS) {
            return "amountCents is at most " + Limits.MAX_CENTS + " either way";
        }
        if (item.amountCents() < 0 && blankOrTooLong(item.correctsDeclarationId())) {
            return "a credit (negative amountCents) names the declaration it corrects in correctsDeclarationId";
        }
        return null;
    }

    private static boolean blankOrTooLong(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ID_LENGTH;
    }
}
