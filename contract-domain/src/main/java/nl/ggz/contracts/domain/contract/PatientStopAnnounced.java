package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

@Revision("1")
public record PatientStopAnnounced(String contractId, String stopId, PatientStopReason reason, LocalDate from,
                                   Instant announcedAt) {
}
