package nl.ggz.contracts.api.web.policy;

import nl.ggz.contracts.domain.policy.IncreaseRegime;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.writestore.policy.PolicyView;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policy in force; {@code published} is false where the defaults apply. Times in Dutch local time.
 * {@code decisionPeriodDays} is the digital contracts' period when it is a number of days (else null), as before
 * decision periods per kind; {@code announceBy} is set under supplementary contracting.
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
                             Integer decisionPeriodDays,
                             int offerValidityDays,
                             Map<ProviderType, Integer> termYears,
                             Map<ProviderType, Integer> maxTermYears,
                             Map<ProviderType, List<Integer>> settingsByProviderType,
                             int quoteResponseDays,
                             IncreaseRegime increaseRegime,
                             LocalDate announceBy,
                             Map<ContractKind, String> decisionPeriods,
                             LocalDate decisionDueBy,
                             String claimsCutOff) {

    static PolicyResponse of(PolicyView view) {
        PolicyParameters p = view.parameters();
        Map<ProviderType, List<Integer>> settings = new EnumMap<>(ProviderType.class);
        p.settingsByProviderType().forEach((type, allowed) -> settings.put(type,
                allowed.stream().map(Setting::number).sorted().toList()));
        Map<ContractKind, String> periods = new EnumMap<>(ContractKind.class);
        p.decisionPeriods().forEach((kind, period) -> periods.put(kind, period.toString()));
        Period digital = p.decisionPeriodFor(ContractKind.DIGITAL);
        Integer digitalDays = digital.getYears() == 0 && digital.getMonths() == 0 ? digital.getDays() : null;
        return new PolicyResponse(view.insurerUzovi(), view.year(), view.published(), view.version(),
                p.thresholdPercents(), p.increaseCapPercent(),
                p.increaseWindowStart().atZone(DomainTime.AMSTERDAM).toOffsetDateTime(),
                p.increaseWindowEnd().atZone(DomainTime.AMSTERDAM).toOffsetDateTime(),
                digitalDays, p.offerValidityDays(), new EnumMap<>(p.termYears()), new EnumMap<>(p.maxTermYears()),
                settings, p.quoteResponseDays(), p.increaseRegime(), p.announceBy(), periods, p.decisionDueBy(),
                p.claimsCutOff() == null ? null : p.claimsCutOff().toString());
    }
}
