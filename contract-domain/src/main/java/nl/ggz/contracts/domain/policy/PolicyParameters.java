package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that differ per insurer and contract year. Where an insurer publishes nothing, {@link #defaults(int)}
 * holds: the figures of VGZ's GGZ policy (seed 001) and Zorg en Zekerheid's (seed 002).
 *
 * @param thresholdPercents   utilisation marks that are recorded when crossed (seed 001: report at 70 %)
 * @param increaseCapPercent  cumulative increases per contract year, as % of the initial ceiling (seed 001: +50 %)
 * @param increaseWindowStart first instant an increase request is accepted (seed 001: 1 April)
 * @param increaseWindowEnd   first instant it is no longer accepted (seed 001: 31 July 17:00)
 * @param decisionPeriodDays  days in which a request must be decided (seed 001: within 4 weeks for digital contracts)
 * @param offerValidityDays   days an offer stays open when it names no expiry (seed 002 §5.3: six weeks)
 * @param termYears           contract term per provider type (seed 002 §5.2: independents 2 years, institutions 1):
 *                            the shortest term offered, and the length of a term when nothing else is said
 * @param maxTermYears        the longest term per provider type, in calendar years (seed 001: VGZ is open to
 *                            multi-year agreements; seed 003: the NZa wants them back); a type left out: its termYears
 * @param settingsByProviderType the settings a provider type may be contracted for; a type left out: every setting
 *                            (seed 001: independents only setting 1, per the Landelijk Kwaliteitsstatuut section II)
 * @param quoteResponseDays   days in which the insurer answers a provider's quote (seed 002 §6.3: within six weeks)
 */
public record PolicyParameters(List<Integer> thresholdPercents,
                               int increaseCapPercent,
                               Instant increaseWindowStart,
                               Instant increaseWindowEnd,
                               int decisionPeriodDays,
                               int offerValidityDays,
                               Map<ProviderType, Integer> termYears,
                               Map<ProviderType, Integer> maxTermYears,
                               Map<ProviderType, Set<Setting>> settingsByProviderType,
                               int quoteResponseDays) {

    /** The longest term any policy may allow, in calendar years. */
    public static final int LONGEST_TERM_YEARS = 5;

    /** The parameters of before issue 14; the later ones keep their defaults. */
    public PolicyParameters(List<Integer> thresholdPercents, int increaseCapPercent, Instant increaseWindowStart,
                            Instant increaseWindowEnd, int decisionPeriodDays, int offerValidityDays,
                            Map<ProviderType, Integer> termYears) {
        this(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd, decisionPeriodDays,
                offerValidityDays, termYears, null, DEFAULT_SETTINGS_BY_PROVIDER_TYPE, DEFAULT_QUOTE_RESPONSE_DAYS);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public PolicyParameters {
        if (thresholdPercents == null || thresholdPercents.isEmpty()) {
            throw new InvalidValueException("a policy needs at least one threshold percentage (seed 001: 70)");
        }
        if (thresholdPercents.stream().anyMatch(p -> p == null || p < 1 || p > 1000)) {
            throw new InvalidValueException("threshold percentages are whole numbers from 1 to 1000, got " + thresholdPercents);
        }
        thresholdPercents = thresholdPercents.stream().distinct().sorted().toList();
        if (increaseCapPercent < 0 || increaseCapPercent > 1000) {
            throw new InvalidValueException("the increase cap is a percentage from 0 to 1000, got " + increaseCapPercent);
        }
        if (increaseWindowStart == null || increaseWindowEnd == null || !increaseWindowEnd.isAfter(increaseWindowStart)) {
            throw new InvalidValueException("the increase window needs a start before its end");
        }
        if (decisionPeriodDays < 1 || decisionPeriodDays > 366) {
            throw new InvalidValueException("the decision period is 1 to 366 days, got " + decisionPeriodDays);
        }
        if (offerValidityDays < 1 || offerValidityDays > 366) {
            throw new InvalidValueException("the offer validity is 1 to 366 days, got " + offerValidityDays);
        }
        Map<ProviderType, Integer> years = new EnumMap<>(DEFAULT_TERM_YEARS);
        if (termYears != null) {
            for (Map.Entry<ProviderType, Integer> entry : termYears.entrySet()) {
                Integer n = entry.getValue();
                if (entry.getKey() == null || n == null || n < 1 || n > 2) {
                    throw new InvalidValueException("a contract term is 1 or 2 years per provider type, got " + termYears);
                }
                years.put(entry.getKey(), n);
            }
        }
        termYears = Map.copyOf(years);
        Map<ProviderType, Integer> longest = new EnumMap<>(termYears);
        if (maxTermYears != null) {
            for (Map.Entry<ProviderType, Integer> entry : maxTermYears.entrySet()) {
                Integer n = entry.getValue();
                if (entry.getKey() == null || n == null || n < 1 || n > LONGEST_TERM_YEARS) {
                    throw new InvalidValueException("the longest contract term is 1 to " + LONGEST_TERM_YEARS
                            + " years per provider type, got " + maxTermYears);
                }
                if (n < termYears.get(entry.getKey())) {
                    throw new InvalidValueException("the longest term of " + entry.getKey() + " contracts ("
                            + "maxTermYears " + n + ") is shorter than their term (termYears "
                            + termYears.get(entry.getKey()) + ")");
                }
                longest.put(entry.getKey(), n);
            }
        }
        maxTermYears = Map.copyOf(longest);
        Map<ProviderType, Set<Setting>> allowed = new EnumMap<>(ProviderType.class);
        if (settingsByProviderType != null) {
            for (Map.Entry<ProviderType, Set<Setting>> entry : settingsByProviderType.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null || entry.getValue().isEmpty()
                        || entry.getValue().stream().anyMatch(java.util.Objects::isNull)) {
                    throw new InvalidValueException("settingsByProviderType names at least one setting (1 to 8) per "
                            + "provider type it lists, got " + settingsByProviderType);
                }
                allowed.put(entry.getKey(), Collections.unmodifiableSortedSet(new TreeSet<>(entry.getValue())));
            }
        }
        settingsByProviderType = Map.copyOf(allowed);
        if (quoteResponseDays < 1 || quoteResponseDays > 366) {
            throw new InvalidValueException("the period to answer a quote is 1 to 366 days, got " + quoteResponseDays);
        }
    }

    private static final Map<ProviderType, Integer> DEFAULT_TERM_YEARS = Map.of(
            ProviderType.INDEPENDENT, 2,
            ProviderType.INSTITUTION, 1,
            ProviderType.HOSPITAL_WARD, 1);

    /** Seed 001: "voor vrijgevestigden ... alleen zorg in voor setting 1" (Landelijk Kwaliteitsstatuut section II). */
    private static final Map<ProviderType, Set<Setting>> DEFAULT_SETTINGS_BY_PROVIDER_TYPE =
            Map.of(ProviderType.INDEPENDENT, Set.of(new Setting(1)));

    /** Seed 002 §6.3: "Zorgverzekeraar reageert binnen zes weken op de offerte". */
    private static final int DEFAULT_QUOTE_RESPONSE_DAYS = 42;

    public static PolicyParameters defaults(int contractYear) {
        return new PolicyParameters(
                List.of(70, 100),
                50,
                DomainTime.startOf(LocalDate.of(contractYear, Month.APRIL, 1)),
                LocalDate.of(contractYear, Month.JULY, 31).atTime(LocalTime.of(17, 0)).atZone(DomainTime.AMSTERDAM).toInstant(),
                28,
                42,
                DEFAULT_TERM_YEARS,
                null,
                DEFAULT_SETTINGS_BY_PROVIDER_TYPE,
                DEFAULT_QUOTE_RESPONSE_DAYS);
    }

    public boolean increaseWindowContains(Instant moment) {
        return !moment.isBefore(increaseWindowStart) && moment.isBefore(increaseWindowEnd);
    }

    public int termYearsFor(ProviderType type) {
        return termYears.get(type);
    }

    public int maxTermYearsFor(ProviderType type) {
        return maxTermYears.get(type);
    }

    /** The settings this provider type may be contracted for; empty when every setting. */
    public Optional<Set<Setting>> settingsAllowedFor(ProviderType type) {
        return Optional.ofNullable(settingsByProviderType.get(type));
    }
}
