package nl.ggz.contracts.domain.ceiling;

import java.time.LocalDate;

public record ContractTerminationApplied(String ceilingId, LocalDate lastCareDate) {
}
