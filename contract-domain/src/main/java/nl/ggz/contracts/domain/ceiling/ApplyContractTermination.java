package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Carries a termination to one of the contract's ceilings: care after {@code lastCareDate} is refused. */
public record ApplyContractTermination(@TargetAggregateIdentifier String ceilingId, LocalDate lastCareDate) {
}
