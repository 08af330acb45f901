package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Set;

/**
 * A contract amendment as it applies to this ceiling: declarations for care from {@code effectiveDate} on are judged
 * by it. Revision 2 (issue 14) added the date; stored without it (null), the amendment holds from the start.
 */
@Revision("2")
public record ContractAmendmentApplied(String ceilingId, Set<PrestatieCode> excludedPrestatieCodes,
                                       Set<Setting> excludedSettings, LocalDate effectiveDate) {
}
