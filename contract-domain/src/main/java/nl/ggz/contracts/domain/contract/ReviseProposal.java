package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A counter-proposal on a NEGOTIATED offer; a null field keeps the current proposal's value.
 *
 * @param tariff           a new tariff for every setting of the proposal
 * @param tariffsBySetting new tariffs for the settings named (after {@code tariff}); the others keep theirs
 */
public record ReviseProposal(@TargetAggregateIdentifier String contractId,
                             Party proposedBy,
                             Money ceiling,
                             TariffPercentage tariff,
                             Map<Setting, TariffPercentage> tariffsBySetting,
                             Set<Setting> settings,
                             Instant proposedAt) {

    /** A proposal without tariffs per setting. */
    public ReviseProposal(String contractId, Party proposedBy, Money ceiling, TariffPercentage tariff,
                          Set<Setting> settings, Instant proposedAt) {
        this(contractId, proposedBy, ceiling, tariff, null, settings, proposedAt);
    }
}
