package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An accepted declaration; {@code payable} + {@code unpaid} = {@code amount}, unpaid being the part above the ceiling.
 * Revision 2 (issue 16): the patient pseudonym is stored sealed, never in plain text; revision 1 held it plain and
 * is read as a {@link SealedPseudonym#legacy legacy} value (EventUpcasters).
 */
@Revision("2")
public record DeclarationRecorded(String ceilingId,
                                  String declarationId,
                                  PrestatieCode prestatieCode,
                                  Setting setting,
                                  LocalDate treatmentDate,
                                  SealedPseudonym patient,
                                  Money amount,
                                  Money payable,
                                  Money unpaid,
                                  boolean psychodiagnosticsSupplement) {
}
