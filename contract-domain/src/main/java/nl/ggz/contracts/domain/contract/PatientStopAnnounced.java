package nl.ggz.contracts.domain.contract;

import java.time.Instant;
import java.time.LocalDate;

public record PatientStopAnnounced(String contractId, String stopId, PatientStopReason reason, LocalDate from,
                                   Instant announcedAt) {
}
