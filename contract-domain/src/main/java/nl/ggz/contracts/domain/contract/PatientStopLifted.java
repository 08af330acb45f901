package nl.ggz.contracts.domain.contract;

import java.time.Instant;
import java.time.LocalDate;

public record PatientStopLifted(String contractId, String stopId, PatientStopReason reason, LocalDate from,
                                LocalDate to, Instant liftedAt) {
}
