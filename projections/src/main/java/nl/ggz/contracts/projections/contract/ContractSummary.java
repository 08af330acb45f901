package nl.ggz.contracts.projections.contract;

import java.time.LocalDate;

public record ContractSummary(String contractId, String insurerUzovi, String providerAgb, String providerType,
                              String kind, LocalDate termStart, LocalDate termEnd, String status, long ceilingCents) {
}
