package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/**
 * Carries a contract amendment to one of its ceilings, so that declarations there are judged by it.
 *
 * @param effectiveDate the first day of care it holds for; null: from the start
 */
public record ApplyContractAmendment(@TargetAggregateIdentifier String ceilingId,
                                     Set<PrestatieCode> excludedPrestatieCodes,
                                     Set<Setting> excludedSettings,
                                     LocalDate effectiveDate) {
}
