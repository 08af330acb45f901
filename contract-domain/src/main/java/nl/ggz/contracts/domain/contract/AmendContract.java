package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** Seed 002 §5.4: the insurer may leave parts or prestaties of a contract out. */
public record AmendContract(@TargetAggregateIdentifier String contractId,
                            Set<PrestatieCode> excludedPrestatieCodes,
                            Set<Setting> excludedSettings,
                            String reason,
                            Instant amendedAt) {
}
