package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase a patient's pseudonym at one insurer (AVG/GDPR art. 17) by destroying its key. The command is never stored. */
public record ErasePatientData(@TargetAggregateIdentifier String erasureId, InsurerCode insurer, String patientRef) {
}
