package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Settings or prestaties left out of a signed contract (seed 002 §5.4), for care from {@code effectiveDate} on.
 * Revision 2 (issue 14) added the date and, for an amendment that takes effect before the day it was made, the
 * purchaser's reason for that ({@code backdatingReason}). An amendment stored before revision 2 has no date: it holds
 * from the start of the term ({@code effectiveDate} null).
 *
 * @param excludedPrestatieCodes newly excluded codes (or excluded from an earlier date than before)
 * @param excludedSettings       newly excluded settings (or excluded from an earlier date than before)
 */
@Revision("2")
public record ContractAmended(String contractId,
                              Set<PrestatieCode> excludedPrestatieCodes,
                              Set<Setting> excludedSettings,
                              String reason,
                              Instant amendedAt,
                              List<String> ceilingIds,
                              LocalDate effectiveDate,
                              String backdatingReason) {
}
