package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An accepted declaration; {@code payable} + {@code unpaid} = {@code amount}, unpaid being the part above the ceiling. */
@Revision("1")
public record DeclarationRecorded(String ceilingId,
                                  String declarationId,
                                  PrestatieCode prestatieCode,
                                  Setting setting,
                                  LocalDate treatmentDate,
                                  String patientRef,
                                  Money amount,
                                  Money payable,
                                  Money unpaid,
                                  boolean psychodiagnosticsSupplement) {
}
