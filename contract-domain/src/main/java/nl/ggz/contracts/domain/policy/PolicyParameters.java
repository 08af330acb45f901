package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Period;
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
 * @param offerValidityDays   days an offer stays open when it names no expiry (seed 002 §5.3: six weeks)
 * @param termYears           contract term per provider type (seed 002 §5.2: independents 2 years, institutions 1):
 *                            the shortest term offered, and the length of a term when nothing else is said
 * @param maxTermYears        the longest term per provider type, in calendar years (seed 001: VGZ is open to
 *                            multi-year agreements; seed 003: the NZa wants them back); a type left out: its termYears
 * @param settingsByProviderType the settings a provider type may be contracted for; a type left out: every setting
 *                            (seed 001: independents only setting 1, per the Landelijk Kwaliteitsstatuut section II)
 * @param quoteResponseDays   days in which the insurer answers a provider's quote (seed 002 §6.3: within six weeks)
 * @param increaseRegime      increase requests in a window (seed 001), or supplementary contracting (seed 002 §6.3)
 * @param decisionPeriods     per contract kind, the period in which a complete request is decided (seed 001: 4 weeks
 *                            for digital contracts, 1 month for negotiated ones), due at the end of its last day
 * @param decisionDueBy       instead of the periods, a fixed last day of decision (seed 002 §6.3: 31 March of the next
 *                            year); null when the periods apply
 * @param claimsCutOff        after the end of the contract year, how long declarations are still accepted; null for no
 *                            cut-off before settlement (seed 000: settlement continues into the next year)
 */
public record PolicyParameters(List<Integer> thresholdPercents,
                               int increaseCapPercent,
                               Instant increaseWindowStart,
                               Instant increaseWindowEnd,
                               int offerValidityDays,
                               Map<ProviderType, Integer> termYears,
                               Map<ProviderType, Integer> maxTermYears,
                               Map<ProviderType, Set<Setting>> settingsByProviderType,
                               int quoteResponseDays,
                               IncreaseRegime increaseRegime,
                               Map<ContractKind, Period> decisionPeriods,
                               LocalDate decisionDueBy,
                               Period claimsCutOff) {

    /** The longest term any policy may allow, in calendar years. */
    public static final int LONGEST_TERM_YEARS = 5;

    /** The parameters of before issue 14; the later ones keep their defaults. */
    public PolicyParameters(List<Integer> thresholdPercents, int increaseCapPercent, Instant increaseWindowStart,
                            Instant increaseWindowEnd, int decisionPeriodDays, int offerValidityDays,
                            Map<ProviderType, Integer> termYears) {
        this(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd, decisionPeriodDays,
                offerValidityDays, termYears, null, DEFAULT_SETTINGS_BY_PROVIDER_TYPE, DEFAULT_QUOTE_RESPONSE_DAYS);
    }

    /**
     * The parameters of before issue 15: one decision period in days for every contract kind, the window regime, no
     * fixed decision day and no claims cut-off.
     */
    public PolicyParameters(List<Integer> thresholdPercents, int increaseCapPercent, Instant increaseWindowStart,
                            Instant increaseWindowEnd, int decisionPeriodDays, int offerValidityDays,
                            Map<ProviderType, Integer> termYears, Map<ProviderType, Integer> maxTermYears,
                            Map<ProviderType, Set<Setting>> settingsByProviderType, int quoteResponseDays) {
        this(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd, offerValidityDays,
                termYears, maxTermYears, settingsByProviderType, quoteResponseDays, IncreaseRegime.WINDOW,
                sameForEveryKind(daysPeriod(decisionPeriodDays)), null, null);
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
        increaseRegime = increaseRegime == null ? IncreaseRegime.WINDOW : increaseRegime;
        decisionPeriods = decisionPeriods(decisionPeriods);
        if (claimsCutOff != null && !withinOneTo(claimsCutOff, 5)) {
            throw new InvalidValueException("the claims cut-off is a period after the contract year of at most five "
                    + "years (an ISO-8601 period such as P6M), got " + claimsCutOff);
        }
        if (decisionDueBy != null && decisionDueBy.isBefore(DomainTime.dateOf(increaseWindowStart))) {
            throw new InvalidValueException("decisions cannot be due by " + decisionDueBy
                    + ", before requests are even accepted (from " + DomainTime.dateOf(increaseWindowStart) + ")");
        }
        if (increaseRegime == IncreaseRegime.SUPPLEMENTARY_CONTRACTING) {
            // seed 002 §6.3: announced up to and including a day (1 October), decided by a fixed date (31 March)
            if (decisionDueBy == null) {
                throw new InvalidValueException("supplementary contracting decides by a fixed date: decisionDueBy is "
                        + "required (seed 002 §6.3: 31 March of the next year)");
            }
            if (!DomainTime.startOf(DomainTime.dateOf(increaseWindowEnd)).equals(increaseWindowEnd)) {
                throw new InvalidValueException("supplementary contracting takes announcements up to and including a "
                        + "day: its window ends at the end of a Dutch calendar day, not at " + increaseWindowEnd);
            }
        }
    }

    /** Seed 001: "binnen 4 weken" for digital contracts, "binnen 1 maand" for negotiated ones. */
    static final Map<ContractKind, Period> DEFAULT_DECISION_PERIODS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            ContractKind.DIGITAL, Period.ofDays(28),
            ContractKind.NEGOTIATED, Period.ofMonths(1))));

    public static Map<ContractKind, Period> sameForEveryKind(Period period) {
        Map<ContractKind, Period> periods = new EnumMap<>(ContractKind.class);
        for (ContractKind kind : ContractKind.values()) {
            periods.put(kind, period);
        }
        return Collections.unmodifiableMap(periods);
    }

    private static Period daysPeriod(int days) {
        if (days < 1 || days > 366) {
            throw new InvalidValueException("the decision period is 1 to 366 days, got " + days);
        }
        return Period.ofDays(days);
    }

    private static Map<ContractKind, Period> decisionPeriods(Map<ContractKind, Period> given) {
        Map<ContractKind, Period> periods = new EnumMap<>(DEFAULT_DECISION_PERIODS);
        if (given != null) {
            for (Map.Entry<ContractKind, Period> entry : given.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null || !withinOneTo(entry.getValue(), 1)) {
                    throw new InvalidValueException("a decision period is a positive ISO-8601 period of at most a year "
                            + "per contract kind (P28D, P1M), got " + given);
                }
                periods.put(entry.getKey(), entry.getValue());
            }
        }
        return Collections.unmodifiableMap(periods);
    }

    /** A period that moves a date forward, by at most {@code years} years. */
    private static boolean withinOneTo(Period period, int years) {
        LocalDate from = LocalDate.of(2000, 1, 1);
        LocalDate to = from.plus(period);
        return !period.isNegative() && to.isAfter(from) && !to.isAfter(from.plusYears(years));
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
                42,
                DEFAULT_TERM_YEARS,
                null,
                DEFAULT_SETTINGS_BY_PROVIDER_TYPE,
                DEFAULT_QUOTE_RESPONSE_DAYS,
                IncreaseRegime.WINDOW,
                DEFAULT_DECISION_PERIODS,
                null,
                null);
    }

    /**
     * Supplementary contracting as Zorg en Zekerheid does it (seed 002 §6.3): an expected overrun announced during the
     * year up to and including 1 October, decided by 31 March of the next year; the other rules are the defaults.
     */
    public static PolicyParameters supplementaryContracting(int contractYear) {
        PolicyParameters d = defaults(contractYear);
        return new PolicyParameters(d.thresholdPercents, d.increaseCapPercent,
                DomainTime.startOf(LocalDate.of(contractYear, Month.JANUARY, 1)),
                DomainTime.endOf(LocalDate.of(contractYear, Month.OCTOBER, 1)),
                d.offerValidityDays, d.termYears, d.maxTermYears, d.settingsByProviderType, d.quoteResponseDays,
                IncreaseRegime.SUPPLEMENTARY_CONTRACTING, d.decisionPeriods,
                LocalDate.of(contractYear + 1, Month.MARCH, 31), null);
    }

    public PolicyParameters withIncreaseCapPercent(int percent) {
        return new PolicyParameters(thresholdPercents, percent, increaseWindowStart, increaseWindowEnd,
                offerValidityDays, termYears, maxTermYears, settingsByProviderType, quoteResponseDays, increaseRegime,
                decisionPeriods, decisionDueBy, claimsCutOff);
    }

    public PolicyParameters withDecisionPeriods(Map<ContractKind, Period> periods) {
        return new PolicyParameters(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd,
                offerValidityDays, termYears, maxTermYears, settingsByProviderType, quoteResponseDays, increaseRegime,
                periods, decisionDueBy, claimsCutOff);
    }

    public PolicyParameters withDecisionDueBy(LocalDate dueBy) {
        return new PolicyParameters(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd,
                offerValidityDays, termYears, maxTermYears, settingsByProviderType, quoteResponseDays, increaseRegime,
                decisionPeriods, dueBy, claimsCutOff);
    }

    public PolicyParameters withClaimsCutOff(Period cutOff) {
        return new PolicyParameters(thresholdPercents, increaseCapPercent, increaseWindowStart, increaseWindowEnd,
                offerValidityDays, termYears, maxTermYears, settingsByProviderType, quoteResponseDays, increaseRegime,
                decisionPeriods, decisionDueBy, cutOff);
    }

    public Period decisionPeriodFor(ContractKind kind) {
        return decisionPeriods.get(kind);
    }

    /**
     * When the decision on a request that is complete at {@code completeAt} is due: at the end of the due day in
     * Amsterdam (a decision any time on that day is in time). The due day is the fixed {@link #decisionDueBy} when the
     * request was complete by then (seed 002 §6.3), otherwise the day the kind's period after the day it became
     * complete (seed 001: "wanneer de verhogingsaanvraag compleet is ... binnen 4 weken"; "binnen 1 maand").
     */
    public Instant decisionDueAt(ContractKind kind, Instant completeAt) {
        LocalDate complete = DomainTime.dateOf(completeAt);
        LocalDate dueDay = decisionDueBy != null && !complete.isAfter(decisionDueBy)
                ? decisionDueBy
                : complete.plus(decisionPeriodFor(kind));
        return DomainTime.endOf(dueDay);
    }

    /**
     * The first instant at which declarations for the contract year are refused for being late, or null when the
     * policy sets no cut-off: the end of the last day of the period after the year (P6M: the end of 30 June).
     */
    public Instant claimsCutOffAt(int contractYear) {
        return claimsCutOff == null ? null
                : DomainTime.endOf(LocalDate.of(contractYear, Month.DECEMBER, 31).plus(claimsCutOff));
    }

    /** Under supplementary contracting, the last day an overrun can be announced (seed 002 §6.3: 1 October). */
    public LocalDate announceBy() {
        return increaseRegime == IncreaseRegime.SUPPLEMENTARY_CONTRACTING
                ? DomainTime.dateOf(increaseWindowEnd).minusDays(1) : null;
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
