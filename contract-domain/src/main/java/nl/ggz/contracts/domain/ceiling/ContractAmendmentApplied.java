package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Setting;

import java.util.Set;

public record ContractAmendmentApplied(String ceilingId, Set<String> excludedPrestatieCodes,
                                       Set<Setting> excludedSettings) {
}
