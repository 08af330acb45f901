package nl.ggz.contracts.api.web.policy;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.writestore.policy.PolicyView;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policy in force; {@code published} is false where the defaults apply. Times in Dutch local time.
 *
 * @param settingsByProviderType the provider types whose settings are restricted, each with the settings allowed; a
 *                               type not listed may be contracted for every setting
 */
public record PolicyResponse(String insurerUzovi,
                             int year,
                             boolean published,
                             int version,
                             List<Integer> thresholdPercents,
                             int increaseCapPercent,
                             OffsetDateTime increaseWindowStart,
                             OffsetDateTime increaseWindowEnd,
                             int decisionPeriodDays,
                             int offerValidityDays,
                             Map<ProviderType, Integer> termYears,
                             Map<ProviderType, Integer> maxTermYears,
                             Map<ProviderType, List<Integer>> settingsByProviderType,
                             int quoteResponseDays) {

    static PolicyResponse of(PolicyView view) {
        PolicyParameters p = view.parameters();
        Map<ProviderType, List<Integer>> settings = new EnumMap<>(ProviderType.class);
        p.settingsByProviderType().forEach((type, allowed) -> settings.put(type,
                allowed.stream().map(Setting::number).sorted().toList()));
        return new PolicyResponse(view.insurerUzovi(), view.year(), view.published(), view.version(),
                p.thresholdPercents(), p.increaseCapPercent(),
                p.increaseWindowStart().atZone(DomainTime.AMSTERDAM).toOffsetDateTime(),
                p.increaseWindowEnd().atZone(DomainTime.AMSTERDAM).toOffsetDateTime(),
                p.decisionPeriodDays(), p.offerValidityDays(), new EnumMap<>(p.termYears()),
                new EnumMap<>(p.maxTermYears()), settings, p.quoteResponseDays());
    }
}
