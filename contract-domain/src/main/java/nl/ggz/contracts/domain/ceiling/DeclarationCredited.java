package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.LocalDate;

/**
 * A credit (correction) of an accepted declaration. {@code amount} is positive: what is taken off the declared total;
 * {@code payableReduction} + {@code unpaidReduction} = {@code amount}.
 */
public record DeclarationCredited(String ceilingId,
                                  String declarationId,
                                  String correctsDeclarationId,
                                  String prestatieCode,
                                  LocalDate treatmentDate,
                                  Money amount,
                                  Money payableReduction,
                                  Money unpaidReduction) {
}
