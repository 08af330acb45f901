package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.LocalDate;

/**
 * One line from the claims system. A negative amount is a credit of the declaration named in
 * {@code correctsDeclarationId}.
 */
public record DeclarationLine(String declarationId,
                              LocalDate treatmentDate,
                              Setting setting,
                              PrestatieCode prestatieCode,
                              String patientRef,
                              Money amount,
                              String correctsDeclarationId) {

    public boolean isCredit() {
        return amount.isNegative();
    }
}
