package nl.ggz.contracts.domain.contract;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** @param effectiveDate the last day of care the contract covers */
public record TerminateContract(@TargetAggregateIdentifier String contractId,
                                String reason,
                                LocalDate effectiveDate,
                                Instant terminatedAt) {
}
