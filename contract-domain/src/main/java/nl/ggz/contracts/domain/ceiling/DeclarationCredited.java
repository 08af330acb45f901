package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A credit (correction) of an accepted declaration. {@code amount} is positive: what is taken off the declared total;
 * {@code payableReduction} + {@code unpaidReduction} = {@code amount}.
 */
@Revision("1")
public record DeclarationCredited(String ceilingId,
                                  String declarationId,
                                  String correctsDeclarationId,
                                  PrestatieCode prestatieCode,
                                  LocalDate treatmentDate,
                                  Money amount,
                                  Money payableReduction,
                                  Money unpaidReduction) {
}
