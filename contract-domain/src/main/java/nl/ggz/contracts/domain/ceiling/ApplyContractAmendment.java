package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Carries a contract amendment to one of its ceilings, so that declarations there are judged by it. */
public record ApplyContractAmendment(@TargetAggregateIdentifier String ceilingId,
                                     Set<PrestatieCode> excludedPrestatieCodes,
                                     Set<Setting> excludedSettings) {
}
