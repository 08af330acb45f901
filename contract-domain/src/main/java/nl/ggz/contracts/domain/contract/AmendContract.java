package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Seed 002 §5.4: the insurer may leave parts or prestaties of a contract out.
 *
 * @param effectiveDate    the first day of care the exclusion holds for; null: the day of the amendment
 * @param backdatingReason why an amendment takes effect before the day it is made; required then, recorded
 */
public record AmendContract(@TargetAggregateIdentifier String contractId,
                            Set<PrestatieCode> excludedPrestatieCodes,
                            Set<Setting> excludedSettings,
                            String reason,
                            LocalDate effectiveDate,
                            String backdatingReason,
                            Instant amendedAt) {

    /** An amendment that holds from the day it is made. */
    public AmendContract(String contractId, Set<PrestatieCode> excludedPrestatieCodes, Set<Setting> excludedSettings,
                         String reason, Instant amendedAt) {
        this(contractId, excludedPrestatieCodes, excludedSettings, reason, null, null, amendedAt);
    }
}
