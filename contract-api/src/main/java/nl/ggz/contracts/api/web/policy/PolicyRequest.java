package nl.ggz.contracts.api.web.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.domain.policy.IncreaseRegime;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A published policy; a field left out keeps the default for that contract year (DESIGN.md §5), and so does a provider
 * type left out of a per-type field. A field or a provider type this API does not know is refused, naming it (the
 * API's strict JSON): a misspelt field never leaves the default in force in silence.
 * <p>
 * Decisions: {@code decisionPeriods} per contract kind (ISO-8601 periods, seed 001: {@code {"DIGITAL": "P28D",
 * "NEGOTIATED": "P1M"}}) or, as before, one {@code decisionPeriodDays} for every kind; or a fixed last day
 * {@code decisionDueBy}. {@code increaseRegime} {@code SUPPLEMENTARY_CONTRACTING} (seed 002 §6.3) takes announcements
 * from {@code increaseWindowStart} (1 January unless given) up to and including {@code announceBy} (1 October unless
 * given), decided by {@code decisionDueBy} (31 March of the next year unless given). {@code claimsCutOff}: how long
 * after the year declarations are accepted (e.g. P6M).
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
                            Integer quoteResponseDays,
                            IncreaseRegime increaseRegime,
                            LocalDate announceBy,
                            Map<ContractKind, Period> decisionPeriods,
                            LocalDate decisionDueBy,
                            Period claimsCutOff) {

    PolicyParameters toParameters(int year) {
        PolicyParameters d = PolicyParameters.defaults(year);
        PolicyParameters basis = new PolicyParameters(
                thresholdPercents != null ? thresholdPercents : d.thresholdPercents(),
                increaseCapPercent != null ? increaseCapPercent : d.increaseCapPercent(),
                increaseWindowStart != null ? increaseWindowStart.toInstant() : d.increaseWindowStart(),
                increaseWindowEnd != null ? increaseWindowEnd.toInstant() : d.increaseWindowEnd(),
                decisionPeriodDays != null ? decisionPeriodDays : 28,
                offerValidityDays != null ? offerValidityDays : d.offerValidityDays(),
                termYears != null ? termYears : d.termYears(),
                maxTermYears,
                settingsByProviderType(d),
                quoteResponseDays != null ? quoteResponseDays : d.quoteResponseDays());
        return withDecisionRules(basis, year);
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

    /** The regime, the decision periods or day and the cut-off (issue 15), on top of the rest of the policy. */
    private PolicyParameters withDecisionRules(PolicyParameters basis, int year) {
        if (decisionPeriodDays != null && decisionPeriods != null) {
            throw new InvalidValueException("decisionPeriods and decisionPeriodDays say the same thing twice: give "
                    + "decisionPeriods per contract kind (ISO-8601, e.g. {\"DIGITAL\": \"P28D\", \"NEGOTIATED\": \"P1M\"})");
        }
        Map<ContractKind, Period> periods = decisionPeriods != null ? decisionPeriods
                : decisionPeriodDays != null ? basis.decisionPeriods() : PolicyParameters.defaults(year).decisionPeriods();
        IncreaseRegime regime = increaseRegime != null ? increaseRegime : IncreaseRegime.WINDOW;
        Instant windowStart = basis.increaseWindowStart();
        Instant windowEnd = basis.increaseWindowEnd();
        LocalDate dueBy = decisionDueBy;
        if (regime == IncreaseRegime.SUPPLEMENTARY_CONTRACTING) {
            if (increaseWindowEnd != null) {
                throw new InvalidValueException("supplementary contracting takes announcements up to and including a "
                        + "day: give announceBy (a date, seed 002 §6.3: 1 October), not increaseWindowEnd");
            }
            // seed 002 §6.3: announced during the year up to and including 1 October, decided by 31 March after it
            windowStart = increaseWindowStart != null ? increaseWindowStart.toInstant()
                    : DomainTime.startOf(LocalDate.of(year, Month.JANUARY, 1));
            windowEnd = DomainTime.endOf(announceBy != null ? announceBy : LocalDate.of(year, Month.OCTOBER, 1));
            dueBy = dueBy != null ? dueBy : LocalDate.of(year + 1, Month.MARCH, 31);
            if (!windowEnd.isAfter(windowStart)) {
                throw new InvalidValueException("announcements up to and including " + DomainTime.dateOf(
                        windowEnd.minusSeconds(1)) + " end before they start (" + DomainTime.dateOf(windowStart) + ")");
            }
        } else if (announceBy != null) {
            throw new InvalidValueException("announceBy belongs to increaseRegime SUPPLEMENTARY_CONTRACTING; the "
                    + "window regime ends at increaseWindowEnd");
        }
        return new PolicyParameters(basis.thresholdPercents(), basis.increaseCapPercent(), windowStart, windowEnd,
                basis.offerValidityDays(), basis.termYears(), basis.maxTermYears(), basis.settingsByProviderType(),
                basis.quoteResponseDays(), regime, periods, dueBy, claimsCutOff);
    }
}
