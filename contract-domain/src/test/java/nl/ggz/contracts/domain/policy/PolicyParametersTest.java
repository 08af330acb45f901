package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParametersTest {

    private final PolicyParameters defaults = PolicyParameters.defaults(2027);

    @Test
    void defaultThresholdsAreSeventyAndHundredPercent() {
        // seed 001: report at 70 % of the ceiling
        assertThat(defaults.thresholdPercents()).containsExactly(70, 100);
    }

    @Test
    void defaultIncreaseCapIsFiftyPercentOfTheInitialCeiling() {
        // seed 001: at most +50 % of the initially agreed ceiling
        assertThat(defaults.increaseCapPercent()).isEqualTo(50);
    }

    @Test
    void defaultIncreaseWindowRunsFromFirstAprilMidnightToThirtyFirstJulySeventeenHundredInAmsterdam() {
        // seed 001: 1 April until 31 July 17:00
        assertThat(defaults.increaseWindowStart())
                .isEqualTo(OffsetDateTime.parse("2027-04-01T00:00:00+02:00").toInstant());
        assertThat(defaults.increaseWindowEnd())
                .isEqualTo(OffsetDateTime.parse("2027-07-31T17:00:00+02:00").toInstant());
    }

    @Test
    void defaultWindowFollowsTheContractYear() {
        PolicyParameters p2030 = PolicyParameters.defaults(2030);
        assertThat(p2030.increaseWindowStart()).isEqualTo(Instant.parse("2030-03-31T22:00:00Z"));
        assertThat(p2030.increaseWindowEnd()).isEqualTo(Instant.parse("2030-07-31T15:00:00Z"));
    }

    @Test
    void defaultDecisionPeriodsAreFourWeeksForDigitalAndOneMonthForNegotiatedContracts() {
        // seed 001: "binnen 4 weken" (digitaal gecontracteerd), "binnen 1 maand" (handmatig gecontracteerd)
        assertThat(defaults.decisionPeriodFor(ContractKind.DIGITAL)).isEqualTo(Period.ofDays(28));
        assertThat(defaults.decisionPeriodFor(ContractKind.NEGOTIATED)).isEqualTo(Period.ofMonths(1));
        assertThat(defaults.decisionDueBy()).isNull();
        assertThat(defaults.increaseRegime()).isEqualTo(IncreaseRegime.WINDOW);
        assertThat(defaults.claimsCutOff()).isNull();
    }

    @Test
    void oneDecisionPeriodInDaysAppliesToEveryKind() {
        // the policy body before decision periods per kind: decisionPeriodDays for all
        PolicyParameters p = new PolicyParameters(List.of(70), 50, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 30, 42, null);
        assertThat(p.decisionPeriodFor(ContractKind.DIGITAL)).isEqualTo(Period.ofDays(30));
        assertThat(p.decisionPeriodFor(ContractKind.NEGOTIATED)).isEqualTo(Period.ofDays(30));
    }

    @Test
    void defaultOfferValidityIsSixWeeks() {
        // seed 002 §5.3: signed within six weeks
        assertThat(defaults.offerValidityDays()).isEqualTo(42);
    }

    @Test
    void defaultTermIsTwoYearsForIndependentsAndOneForInstitutionsAndWards() {
        // seed 002 §5.2
        assertThat(defaults.termYearsFor(ProviderType.INDEPENDENT)).isEqualTo(2);
        assertThat(defaults.termYearsFor(ProviderType.INSTITUTION)).isEqualTo(1);
        assertThat(defaults.termYearsFor(ProviderType.HOSPITAL_WARD)).isEqualTo(1);
    }

    @Test
    void increaseWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(defaults.increaseWindowContains(defaults.increaseWindowStart())).isTrue();
        assertThat(defaults.increaseWindowContains(defaults.increaseWindowStart().minusNanos(1))).isFalse();
        assertThat(defaults.increaseWindowContains(defaults.increaseWindowEnd().minusNanos(1))).isTrue();
        assertThat(defaults.increaseWindowContains(defaults.increaseWindowEnd())).isFalse();
    }

    @Test
    void thresholdsAreSortedAndDeduplicated() {
        PolicyParameters p = with(List.of(100, 70, 70, 90));
        assertThat(p.thresholdPercents()).containsExactly(70, 90, 100);
        assertThat(p).isEqualTo(with(List.of(70, 90, 100)));
    }

    @Test
    void policyNeedsAtLeastOneThreshold() {
        assertThatThrownBy(() -> with(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> with(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void thresholdsAreWholePercentagesFromOneToAThousand() {
        assertThatThrownBy(() -> with(List.of(0))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> with(List.of(1001))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void increaseWindowMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new PolicyParameters(List.of(70), 50, defaults.increaseWindowEnd(),
                defaults.increaseWindowStart(), 28, 42, null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void decisionPeriodAndOfferValidityAreOneToThreeHundredSixtySixDays() {
        assertThatThrownBy(() -> new PolicyParameters(List.of(70), 50, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 0, 42, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PolicyParameters(List.of(70), 50, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 28, 367, null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void increaseCapCannotBeNegative() {
        assertThatThrownBy(() -> new PolicyParameters(List.of(70), -1, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 28, 42, null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void termYearsNotGivenFallBackToTheDefaults() {
        PolicyParameters p = new PolicyParameters(List.of(70), 50, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 28, 42, Map.of(ProviderType.INDEPENDENT, 1));
        assertThat(p.termYearsFor(ProviderType.INDEPENDENT)).isEqualTo(1);
        assertThat(p.termYearsFor(ProviderType.INSTITUTION)).isEqualTo(1);
        assertThat(p.termYearsFor(ProviderType.HOSPITAL_WARD)).isEqualTo(1);
    }

    @Test
    void termIsOneOrTwoYears() {
        assertThatThrownBy(() -> new PolicyParameters(List.of(70), 50, defaults.increaseWindowStart(),
                defaults.increaseWindowEnd(), 28, 42, Map.of(ProviderType.INDEPENDENT, 3)))
                .isInstanceOf(InvalidValueException.class);
    }

    private PolicyParameters with(List<Integer> thresholds) {
        return new PolicyParameters(thresholds, 50, defaults.increaseWindowStart(), defaults.increaseWindowEnd(),
                28, 42, null);
    }

    // --- issue 14 ---

    @Test
    void byDefaultIndependentsAreContractedForSetting1OnlyAndOtherTypesForEverySetting() {
        // seed 001: "voor vrijgevestigden ... alleen zorg in voor setting 1" (Landelijk Kwaliteitsstatuut section II)
        assertThat(defaults.settingsAllowedFor(ProviderType.INDEPENDENT)).contains(Set.of(new Setting(1)));
        assertThat(defaults.settingsAllowedFor(ProviderType.INSTITUTION)).isEmpty();
        assertThat(defaults.settingsAllowedFor(ProviderType.HOSPITAL_WARD)).isEmpty();
    }

    @Test
    void defaultQuoteResponsePeriodIsSixWeeks() {
        // seed 002 §6.3: "Zorgverzekeraar reageert binnen zes weken op de offerte"
        assertThat(defaults.quoteResponseDays()).isEqualTo(42);
    }

    @Test
    void longestTermDefaultsToTheTermOfEachProviderType() {
        assertThat(defaults.maxTermYears()).isEqualTo(defaults.termYears());
        PolicyParameters multiYear = with(Map.of(ProviderType.INSTITUTION, 3), null, 42);
        assertThat(multiYear.maxTermYearsFor(ProviderType.INSTITUTION)).isEqualTo(3);
        assertThat(multiYear.maxTermYearsFor(ProviderType.INDEPENDENT)).isEqualTo(2);
    }

    @Test
    void longestTermIsNeverShorterThanTheTermNorLongerThanFiveYears() {
        assertThatThrownBy(() -> with(Map.of(ProviderType.INDEPENDENT, 1), null, 42))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("shorter than their term");
        assertThatThrownBy(() -> with(Map.of(ProviderType.INSTITUTION, 6), null, 42))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("1 to 5");
    }

    @Test
    void settingsByProviderTypeNameAtLeastOneSettingPerTypeListed() {
        assertThatThrownBy(() -> with(null, Map.of(ProviderType.INSTITUTION, Set.of()), 42))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at least one setting");
        assertThat(with(null, null, 42).settingsAllowedFor(ProviderType.INDEPENDENT)).isEmpty();
    }

    @Test
    void quoteResponsePeriodIsOneToThreeHundredSixtySixDays() {
        assertThatThrownBy(() -> with(null, null, 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> with(null, null, 367)).isInstanceOf(InvalidValueException.class);
    }

    private PolicyParameters with(Map<ProviderType, Integer> maxTermYears,
                                  Map<ProviderType, Set<Setting>> settingsByProviderType, int quoteResponseDays) {
        return new PolicyParameters(defaults.thresholdPercents(), defaults.increaseCapPercent(),
                defaults.increaseWindowStart(), defaults.increaseWindowEnd(), 28,
                defaults.offerValidityDays(), defaults.termYears(), maxTermYears, settingsByProviderType,
                quoteResponseDays);
    }
}
