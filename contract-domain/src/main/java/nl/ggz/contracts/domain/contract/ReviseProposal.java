package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** A counter-proposal on a NEGOTIATED offer; a null field keeps the current proposal's value. */
public record ReviseProposal(@TargetAggregateIdentifier String contractId,
                             Party proposedBy,
                             Money ceiling,
                             TariffPercentage tariff,
                             Set<Setting> settings,
                             Instant proposedAt) {
}
