package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each demo insurer's purchasing policy for a contract year. Most follow the defaults (VGZ's policy, seed 001);
 * Zorg en Zekerheid contracts supplementary (bijcontracteren, seed 002 §6.3): an expected overrun announced up to and
 * including 1 October, decided by 31 March of the next year, within a cap of its own; and it contracts independents
 * for the monodisciplinary setting only (seed 002 §5.1). A few decide "within one month" (seed 001, negotiated
 * contracts) and want a report at 90 % as well.
 */
final class DemoPolicies {

    /**
     * Zorg en Zekerheid's cap on supplementary contracting, in percent of the initial ceiling. Seed 002 §6.2 names no
     * percentage, only "het financiële kader dat Zorg en Zekerheid (nog) tot beschikking heeft": the demo assumes a
     * tighter frame than VGZ's 50 % (seed 001).
     */
    static final int ZZ_INCREASE_CAP_PERCENT = 25;
    /**
     * Seed 002 §5.1: independents who become a small institution "ontvangen een zorgovereenkomst met alleen de setting
     * monodisciplinair" — setting 2 of the zorgprestatiemodel ("Ambulant – kwaliteitsstatuut sectie III
     * monodisciplinair", seed 001's list), setting 3 being the multidisciplinary one added later. The other insurers
     * keep the default: independents setting 1 only (seed 001).
     */
    private static final Map<ProviderType, Set<Setting>> ZZ_SETTINGS =
            Map.of(ProviderType.INDEPENDENT, Set.of(new Setting(2)));
    /** Seed 001: "binnen 1 maand" (negotiated contracts), here for both kinds: a calendar month (issue 15). */
    private static final Map<ContractKind, Period> ONE_MONTH =
            Map.of(ContractKind.DIGITAL, Period.ofMonths(1), ContractKind.NEGOTIATED, Period.ofMonths(1));

    private DemoPolicies() {
    }

    static PolicyParameters of(DemoInsurer insurer, int year) {
        PolicyParameters defaults = PolicyParameters.defaults(year);
        return switch (insurer.uzovi()) {
            case "3313" -> {
                // seed 002 §6.3: announced up to and including 1 October, decided by 31 March of the next year
                PolicyParameters zz = PolicyParameters.supplementaryContracting(year);
                yield new PolicyParameters(zz.thresholdPercents(), ZZ_INCREASE_CAP_PERCENT, zz.increaseWindowStart(),
                        zz.increaseWindowEnd(), zz.offerValidityDays(), zz.termYears(), zz.maxTermYears(), ZZ_SETTINGS,
                        zz.quoteResponseDays(), zz.increaseRegime(), zz.decisionPeriods(), zz.decisionDueBy(),
                        zz.claimsCutOff());
            }
            case "9664", "3332", "3336" -> new PolicyParameters(List.of(70, 90, 100), defaults.increaseCapPercent(),
                    defaults.increaseWindowStart(), defaults.increaseWindowEnd(), defaults.offerValidityDays(),
                    defaults.termYears(), defaults.maxTermYears(), defaults.settingsByProviderType(),
                    defaults.quoteResponseDays(), defaults.increaseRegime(), ONE_MONTH, null, null);
            default -> defaults;
        };
    }
}
