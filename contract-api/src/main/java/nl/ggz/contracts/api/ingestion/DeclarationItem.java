package nl.ggz.contracts.api.ingestion;

import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.LocalDate;

/**
 * One line as the claims system sends it (DESIGN.md §5), read from its JSON on its own so that a malformed line never
 * fails its neighbours. Its fields are plain JSON values, so that the form check ({@link DeclarationForm}) can say in
 * the client's words what is missing or malformed; {@link #toLine()} then makes the domain's line of it. The contract
 * id is for routing only: the line goes to the ceiling of its contract and treatment year.
 */
public record DeclarationItem(String declarationId,
                              String contractId,
                              LocalDate treatmentDate,
                              Integer setting,
                              String prestatieCode,
                              String patientRef,
                              Long amountCents,
                              String correctsDeclarationId) {

    /**
     * The line as the ceiling judges it, once its form is right. A value the domain cannot hold (setting 9) is refused
     * by its value type with the type's rule ({@code InvalidValueException}).
     */
    DeclarationLine toLine() {
        return new DeclarationLine(declarationId, treatmentDate, new Setting(setting), new PrestatieCode(prestatieCode),
                patientRef, Money.cents(amountCents), correctsDeclarationId);
    }
}
