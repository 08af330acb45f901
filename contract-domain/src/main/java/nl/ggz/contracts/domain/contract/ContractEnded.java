package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The term ran out. Declarations for care within the term are still settled (seed 001: settlement follows). */
@Revision("1")
public record ContractEnded(String contractId, LocalDate endDate) {
}
