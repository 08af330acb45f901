package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class YearCourseTest {

    @Test
    void evenSpreadExpectsTheShareOfTheYearPassed() {
        // 2 July 2026 is day 183 of 365
        assertThat(YearCourse.expectedUtilisationPercent(2026, LocalDate.of(2026, 7, 2))).isEqualByComparingTo("50.1");
        assertThat(YearCourse.expectedUtilisationPercent(2026, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("100.0");
        assertThat(YearCourse.expectedUtilisationPercent(2027, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("0.0");
        assertThat(YearCourse.expectedUtilisationPercent(2025, LocalDate.of(2026, 1, 1))).isEqualByComparingTo("100.0");
    }

    @Test
    void exhaustionIsProjectedAtTheRateOfTheLast90Days() {
        // 90,000 cents in 90 days is 1,000 a day: 100,000 of room lasts 100 days
        LocalDate today = LocalDate.of(2026, 6, 30);
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(100_000), 90_000))
                .isEqualTo(today.plusDays(100));
    }

    @Test
    void earlyInTheYearTheRunRateWindowStartsOnTheFirstOfJanuary() {
        LocalDate today = LocalDate.of(2026, 1, 10);
        assertThat(YearCourse.runRateStart(2026, today)).isEqualTo(LocalDate.of(2026, 1, 1));
        // 10 days of care at 1,000 a day: 5,000 of room lasts 5 more days
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(5_000), 10_000))
                .isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void noProjectionWhenTheCeilingLastsTheYearIsReachedOrNothingIsDeclared() {
        LocalDate today = LocalDate.of(2026, 11, 1);
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(1_000_000), 90_000)).isNull();
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.ZERO, 90_000)).isNull();
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(-5), 90_000)).isNull();
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(100), 0)).isNull();
        assertThat(YearCourse.projectedExhaustion(2025, today, Money.cents(100), 90_000)).isNull();
    }

    @Test
    void aHugeCeilingAtASlowPaceLastsTheYearInsteadOfRunningPastTheCalendar() {
        // issue 12, finding 6: the projection ran past the last day a LocalDate holds and monitoring answered 500
        LocalDate today = LocalDate.of(2026, 6, 30);
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(10_000_000_000_000L), 1)).isNull();
        assertThat(YearCourse.projectedExhaustion(2026, today, Money.cents(Long.MAX_VALUE), 1)).isNull();
        // 1,000 a day: one day of room on 30 December runs out on the 31st, on the 31st it lasts the year
        assertThat(YearCourse.projectedExhaustion(2026, LocalDate.of(2026, 12, 30), Money.cents(1_000), 90_000))
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(YearCourse.projectedExhaustion(2026, LocalDate.of(2026, 12, 31), Money.cents(1_000), 90_000))
                .isNull();
    }

    @Test
    void paceIsOffTheEvenLineBeyondTenPercentagePoints() {
        assertThat(Pace.of(new BigDecimal("60.1"), new BigDecimal("50.0"))).isEqualTo(Pace.AHEAD);
        assertThat(Pace.of(new BigDecimal("60.0"), new BigDecimal("50.0"))).isEqualTo(Pace.ON_TRACK);
        assertThat(Pace.of(new BigDecimal("40.0"), new BigDecimal("50.0"))).isEqualTo(Pace.ON_TRACK);
        assertThat(Pace.of(new BigDecimal("39.9"), new BigDecimal("50.0"))).isEqualTo(Pace.BEHIND);
    }
}
