package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.shared.InsurerCode;

/** The patient-stop report of one insurer for one calendar year. */
public record FindPatientStopReport(InsurerCode insurer, int year) {
}
