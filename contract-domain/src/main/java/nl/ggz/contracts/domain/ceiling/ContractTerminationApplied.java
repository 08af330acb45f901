package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record ContractTerminationApplied(String ceilingId, LocalDate lastCareDate) {
}
