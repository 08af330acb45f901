package nl.ggz.contracts.domain.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record ContractTerminated(String contractId,
                                 String reason,
                                 LocalDate effectiveDate,
                                 Instant terminatedAt,
                                 List<String> ceilingIds) {
}
