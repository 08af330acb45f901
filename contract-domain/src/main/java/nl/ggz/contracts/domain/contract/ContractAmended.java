package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** @param excludedPrestatieCodes newly excluded codes; @param excludedSettings newly excluded settings */
@Revision("1")
public record ContractAmended(String contractId,
                              Set<PrestatieCode> excludedPrestatieCodes,
                              Set<Setting> excludedSettings,
                              String reason,
                              Instant amendedAt,
                              List<String> ceilingIds) {
}
