package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.util.Set;

@Revision("1")
public record ContractAmendmentApplied(String ceilingId, Set<PrestatieCode> excludedPrestatieCodes,
                                       Set<Setting> excludedSettings) {
}
