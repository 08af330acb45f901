package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** @param to the last day of the stop */
public record LiftPatientStop(@TargetAggregateIdentifier String contractId,
                              String stopId,
                              LocalDate to,
                              Instant liftedAt) {
}
