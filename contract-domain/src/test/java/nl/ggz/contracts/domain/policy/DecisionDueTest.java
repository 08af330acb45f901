package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Map;

import static nl.ggz.contracts.domain.shared.ContractKind.DIGITAL;
import static nl.ggz.contracts.domain.shared.ContractKind.NEGOTIATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a decision on an increase request is due, and until when a year's claims are taken: whole Dutch calendar days,
 * due at the end of the due day in Europe/Amsterdam, whatever the clock time of the request and however long the days
 * in between (daylight saving time), and months as the calendar has them (29 February).
 */
class DecisionDueTest {

    private static final PolicyParameters VGZ = PolicyParameters.defaults(2027);

    private static Instant amsterdam(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Europe/Amsterdam")).toInstant();
    }

    @Test
    void aDigitalRequestIsDueAtTheEndOfTheTwentyEighthDay() {
        // seed 001: "binnen 4 weken" — complete on Monday 3 May at 11:00, decided in time until 31 May 23:59:59
        Instant due = VGZ.decisionDueAt(DIGITAL, amsterdam("2027-05-03T11:00"));
        assertThat(due).isEqualTo(OffsetDateTime.parse("2027-06-01T00:00:00+02:00").toInstant());
    }

    @Test
    void theDueMomentDoesNotDependOnTheClockTimeOfTheRequest() {
        // the old rule put the due moment at the request's own clock time, so a decision on the 28th day in the
        // afternoon was overdue for a request made in the morning, yet counted "within 4 weeks"
        assertThat(VGZ.decisionDueAt(DIGITAL, amsterdam("2027-05-03T00:00:01")))
                .isEqualTo(VGZ.decisionDueAt(DIGITAL, amsterdam("2027-05-03T23:59:59")));
    }

    @Test
    void aNegotiatedRequestIsDueOneCalendarMonthAfter() {
        // seed 001: "binnen 1 maand" for negotiated contracts
        assertThat(VGZ.decisionDueAt(NEGOTIATED, amsterdam("2027-05-03T11:00")))
                .isEqualTo(OffsetDateTime.parse("2027-06-04T00:00:00+02:00").toInstant());
    }

    @Test
    void fourWeeksAcrossTheSpringDaylightSavingChangeEndAtMidnightSummerTime() {
        // 28 March 2027 has 23 hours: 28 × 24 h after a winter-time request would end at 23:00 of the 27th day
        Instant due = VGZ.decisionDueAt(DIGITAL, amsterdam("2027-03-10T09:00"));
        assertThat(due).isEqualTo(Instant.parse("2027-04-07T22:00:00Z"))
                .isEqualTo(OffsetDateTime.parse("2027-04-08T00:00:00+02:00").toInstant());
    }

    @Test
    void fourWeeksAcrossTheAutumnDaylightSavingChangeEndAtMidnightWinterTime() {
        // 31 October 2027 has 25 hours
        assertThat(VGZ.decisionDueAt(DIGITAL, amsterdam("2027-10-20T16:30")))
                .isEqualTo(OffsetDateTime.parse("2027-11-18T00:00:00+01:00").toInstant());
    }

    @Test
    void oneMonthFromThe31stOfJanuaryInALeapYearEndsOn29February() {
        PolicyParameters p2028 = PolicyParameters.defaults(2028);
        assertThat(p2028.decisionDueAt(NEGOTIATED, amsterdam("2028-01-31T10:00")))
                .isEqualTo(OffsetDateTime.parse("2028-03-01T00:00:00+01:00").toInstant());
        assertThat(p2028.decisionDueAt(NEGOTIATED, amsterdam("2028-01-29T10:00")))
                .isEqualTo(OffsetDateTime.parse("2028-03-01T00:00:00+01:00").toInstant());
        assertThat(VGZ.decisionDueAt(NEGOTIATED, amsterdam("2027-01-31T10:00")))
                .as("not a leap year: 28 February")
                .isEqualTo(OffsetDateTime.parse("2027-03-01T00:00:00+01:00").toInstant());
    }

    @Test
    void fourWeeksCountTwentyNinthFebruaryAsADay() {
        assertThat(PolicyParameters.defaults(2028).decisionDueAt(DIGITAL, amsterdam("2028-02-10T10:00")))
                .isEqualTo(OffsetDateTime.parse("2028-03-10T00:00:00+01:00").toInstant());
    }

    @Test
    void periodsPerKindAreIsoPeriodsOfThePolicy() {
        PolicyParameters p = VGZ.withDecisionPeriods(Map.of(DIGITAL, Period.ofWeeks(6)));
        assertThat(p.decisionPeriodFor(DIGITAL)).isEqualTo(Period.ofDays(42));
        assertThat(p.decisionPeriodFor(NEGOTIATED)).as("a kind left out keeps its default").isEqualTo(Period.ofMonths(1));
    }

    @Test
    void aDecisionPeriodIsPositiveAndAtMostAYear() {
        assertThatThrownBy(() -> VGZ.withDecisionPeriods(Map.of(DIGITAL, Period.ZERO)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VGZ.withDecisionPeriods(Map.of(DIGITAL, Period.ofDays(-1))))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VGZ.withDecisionPeriods(Map.of(NEGOTIATED, Period.of(1, 0, 1))))
                .isInstanceOf(InvalidValueException.class);
        assertThat(VGZ.withDecisionPeriods(Map.of(NEGOTIATED, Period.ofYears(1))).decisionPeriodFor(NEGOTIATED))
                .isEqualTo(Period.ofYears(1));
    }

    @Test
    void aFixedDecisionDateReplacesThePeriods() {
        // seed 001's planning: "Uiterlijk 28 augustus 2024 informeren van zorgaanbieders over de uitkomst"
        PolicyParameters p = VGZ.withDecisionDueBy(LocalDate.of(2027, 8, 28));
        assertThat(p.decisionDueAt(DIGITAL, amsterdam("2027-04-02T10:00")))
                .isEqualTo(OffsetDateTime.parse("2027-08-29T00:00:00+02:00").toInstant());
        assertThat(p.decisionDueAt(NEGOTIATED, amsterdam("2027-07-31T16:00")))
                .isEqualTo(OffsetDateTime.parse("2027-08-29T00:00:00+02:00").toInstant());
    }

    @Test
    void aRequestCompletedAfterTheFixedDateIsGivenTheKindsPeriodFromThen() {
        // information that came in after the fixed date: the request is not overdue the moment it is complete
        PolicyParameters p = VGZ.withDecisionDueBy(LocalDate.of(2027, 8, 28));
        assertThat(p.decisionDueAt(DIGITAL, amsterdam("2027-08-29T09:00")))
                .isEqualTo(OffsetDateTime.parse("2027-09-27T00:00:00+02:00").toInstant());
    }

    @Test
    void supplementaryContractingTakesAnnouncementsUpToAndIncludingFirstOctober() {
        // seed 002 §6.3: "1 oktober 2027 (in geval van bijcontracteren) Zorgaanbieder stuurt een e-mail ..."
        PolicyParameters zz = PolicyParameters.supplementaryContracting(2027);
        assertThat(zz.increaseRegime()).isEqualTo(IncreaseRegime.SUPPLEMENTARY_CONTRACTING);
        assertThat(zz.announceBy()).isEqualTo(LocalDate.of(2027, 10, 1));
        assertThat(zz.increaseWindowContains(amsterdam("2027-10-01T23:59:59"))).isTrue();
        assertThat(zz.increaseWindowContains(amsterdam("2027-10-02T00:00"))).isFalse();
        assertThat(zz.increaseWindowContains(amsterdam("2027-01-01T00:00"))).isTrue();
    }

    @Test
    void supplementaryContractingIsDecidedByThirtyFirstMarchOfTheNextYear() {
        // seed 002 §6.3: "[31 maart 2028] Zorg en Zekerheid beoordeelt of herziening van omzetplafond mogelijk is";
        // 26 March 2028 is the change to summer time
        PolicyParameters zz = PolicyParameters.supplementaryContracting(2027);
        assertThat(zz.decisionDueBy()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(zz.decisionDueAt(DIGITAL, amsterdam("2027-10-01T16:00")))
                .isEqualTo(zz.decisionDueAt(NEGOTIATED, amsterdam("2027-05-12T09:00")))
                .isEqualTo(OffsetDateTime.parse("2028-04-01T00:00:00+02:00").toInstant());
    }

    @Test
    void supplementaryContractingNeedsAFixedDecisionDateAndAWholeLastDay() {
        PolicyParameters zz = PolicyParameters.supplementaryContracting(2027);
        assertThatThrownBy(() -> zz.withDecisionDueBy(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PolicyParameters(zz.thresholdPercents(), 20, zz.increaseWindowStart(),
                amsterdam("2027-10-01T17:00"), 42, zz.termYears(), zz.maxTermYears(), zz.settingsByProviderType(),
                zz.quoteResponseDays(), IncreaseRegime.SUPPLEMENTARY_CONTRACTING,
                zz.decisionPeriods(), zz.decisionDueBy(), null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aDecisionDateBeforeTheWindowOpensIsRefused() {
        assertThatThrownBy(() -> VGZ.withDecisionDueBy(LocalDate.of(2027, 3, 31)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theClaimsCutOffEndsAtTheEndOfItsLastDayAfterTheYear() {
        PolicyParameters p = VGZ.withClaimsCutOff(Period.ofMonths(6));
        assertThat(p.claimsCutOffAt(2027)).isEqualTo(OffsetDateTime.parse("2028-07-01T00:00:00+02:00").toInstant());
        assertThat(VGZ.withClaimsCutOff(Period.ofMonths(2)).claimsCutOffAt(2027)).as("31 December + 2 months: 29 Feb")
                .isEqualTo(OffsetDateTime.parse("2028-03-01T00:00:00+01:00").toInstant());
        assertThat(VGZ.claimsCutOffAt(2027)).as("no cut-off").isNull();
    }

    @Test
    void theClaimsCutOffIsAPositivePeriodOfAtMostFiveYears() {
        assertThatThrownBy(() -> VGZ.withClaimsCutOff(Period.ZERO)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VGZ.withClaimsCutOff(Period.ofMonths(-3))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VGZ.withClaimsCutOff(Period.ofYears(6))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void kindsAreAllCovered() {
        for (ContractKind kind : ContractKind.values()) {
            assertThat(VGZ.decisionPeriodFor(kind)).isNotNull();
        }
    }
}
