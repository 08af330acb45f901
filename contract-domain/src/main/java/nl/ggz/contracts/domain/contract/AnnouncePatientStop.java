package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

public record AnnouncePatientStop(@TargetAggregateIdentifier String contractId,
                                  String stopId,
                                  PatientStopReason reason,
                                  LocalDate from,
                                  Instant announcedAt) {
}
