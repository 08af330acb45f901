package nl.ggz.contracts.api.web.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A published policy; a field left out keeps the default for that contract year (DESIGN.md §5), and so does a provider
 * type left out of a per-type field. A field or a provider type this API does not know is refused, naming it (the
 * API's strict JSON): a misspelt field never leaves the default in force in silence.
 *
 * @param maxTermYears           the longest term per provider type, 1 to 5 calendar years (seed 001, seed 003:
 *                               multi-year agreements); a type left out: its termYears
 * @param settingsByProviderType the settings a provider type may be contracted for (seed 001: independents setting 1;
 *                               seed 002 §5.1); a type left out keeps the default (independents [1], the others every
 *                               setting); to contract a type for every setting, name all eight
 * @param quoteResponseDays      days in which the insurer answers a provider's quote (seed 002 §6.3: six weeks)
 */
public record PolicyRequest(@Size(min = 1, max = 20) List<@NotNull Integer> thresholdPercents,
                            Integer increaseCapPercent,
                            OffsetDateTime increaseWindowStart,
                            OffsetDateTime increaseWindowEnd,
                            Integer decisionPeriodDays,
                            Integer offerValidityDays,
                            Map<ProviderType, Integer> termYears,
                            Map<ProviderType, Integer> maxTermYears,
                            Map<ProviderType, @Size(max = 8) List<Integer>> settingsByProviderType,
                            Integer quoteResponseDays) {

    PolicyParameters toParameters(int year) {
        PolicyParameters d = PolicyParameters.defaults(year);
        return new PolicyParameters(
                thresholdPercents != null ? thresholdPercents : d.thresholdPercents(),
                increaseCapPercent != null ? increaseCapPercent : d.increaseCapPercent(),
                increaseWindowStart != null ? increaseWindowStart.toInstant() : d.increaseWindowStart(),
                increaseWindowEnd != null ? increaseWindowEnd.toInstant() : d.increaseWindowEnd(),
                decisionPeriodDays != null ? decisionPeriodDays : d.decisionPeriodDays(),
                offerValidityDays != null ? offerValidityDays : d.offerValidityDays(),
                termYears != null ? termYears : d.termYears(),
                maxTermYears,
                settingsByProviderType(d),
                quoteResponseDays != null ? quoteResponseDays : d.quoteResponseDays());
    }

    /** The defaults, with the types named replaced. */
    private Map<ProviderType, Set<Setting>> settingsByProviderType(PolicyParameters defaults) {
        Map<ProviderType, Set<Setting>> allowed = new EnumMap<>(ProviderType.class);
        allowed.putAll(defaults.settingsByProviderType());
        if (settingsByProviderType == null) {
            return allowed;
        }
        for (Map.Entry<ProviderType, List<Integer>> entry : settingsByProviderType.entrySet()) {
            String field = "settingsByProviderType." + entry.getKey();
            List<Integer> numbers = entry.getValue();
            if (numbers == null || numbers.isEmpty()) {
                throw new InvalidValueException(field + " names at least one setting (1 to 8); leave the type out "
                        + "to keep its default");
            }
            Set<Setting> settings = new TreeSet<>();
            for (Integer number : numbers) {
                if (number == null) {
                    throw new InvalidValueException(field + " holds null; it lists setting numbers 1 to 8");
                }
                try {
                    settings.add(new Setting(number));
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(field + ": " + e.getMessage());
                }
            }
            allowed.put(entry.getKey(), settings);
        }
        return allowed;
    }
}
