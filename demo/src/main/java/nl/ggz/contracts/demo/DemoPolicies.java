package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each demo insurer's purchasing policy for a contract year. Most follow the defaults (VGZ's policy, seed 001);
 * Zorg en Zekerheid takes increase requests until 1 October and decides by 31 March of the next year
 * (bijcontracteren, seed 002 §6.3) and contracts independents for the monodisciplinary setting only (seed 002 §5.1),
 * and a few decide "within one month" (seed 001, negotiated contracts) and want
 * a report at 90 % as well.
 */
final class DemoPolicies {

    /** Seed 002 §6.3: an overrun announced by 1 October is decided by 31 March, about half a year. */
    private static final int BIJCONTRACTEREN_DECISION_DAYS = 182;
    /**
     * Seed 002 §5.1: independents who become a small institution "ontvangen een zorgovereenkomst met alleen de setting
     * monodisciplinair" — setting 2 of the zorgprestatiemodel ("Ambulant – kwaliteitsstatuut sectie III
     * monodisciplinair", seed 001's list), setting 3 being the multidisciplinary one added later. The other insurers
     * keep the default: independents setting 1 only (seed 001).
     */
    private static final Map<ProviderType, Set<Setting>> ZZ_SETTINGS =
            Map.of(ProviderType.INDEPENDENT, Set.of(new Setting(2)));
    /** Seed 001: "binnen 1 maand" for negotiated contracts, counted as the longest month. */
    private static final int ONE_MONTH = 31;

    private DemoPolicies() {
    }

    static PolicyParameters of(DemoInsurer insurer, int year) {
        PolicyParameters defaults = PolicyParameters.defaults(year);
        return switch (insurer.uzovi()) {
            case "3313" -> new PolicyParameters(defaults.thresholdPercents(), defaults.increaseCapPercent(),
                    defaults.increaseWindowStart(), DomainTime.startOf(LocalDate.of(year, 10, 1)),
                    BIJCONTRACTEREN_DECISION_DAYS, defaults.offerValidityDays(), defaults.termYears(),
                    defaults.maxTermYears(), ZZ_SETTINGS, defaults.quoteResponseDays());
            case "9664", "3332", "3336" -> new PolicyParameters(List.of(70, 90, 100), defaults.increaseCapPercent(),
                    defaults.increaseWindowStart(), defaults.increaseWindowEnd(), ONE_MONTH,
                    defaults.offerValidityDays(), defaults.termYears());
            default -> defaults;
        };
    }
}
