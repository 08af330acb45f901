package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record ContractTerminated(String contractId,
                                 String reason,
                                 LocalDate effectiveDate,
                                 Instant terminatedAt,
                                 List<String> ceilingIds) {
}
