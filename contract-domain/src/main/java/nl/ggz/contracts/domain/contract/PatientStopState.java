package nl.ggz.contracts.domain.contract;

import java.time.LocalDate;

record PatientStopState(PatientStopReason reason, LocalDate from, boolean open) {
}
