package nl.ggz.contracts.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ValueTypesTest {

    // --- InsurerCode: UZOVI, four digits ---

    @Test
    void insurerCodeIsFourDigits() {
        assertThat(new InsurerCode("3311").value()).isEqualTo("3311");
        assertThat(new InsurerCode("0101")).hasToString("0101");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "331", "33111", "33a1", " 3311", "３３１１"})
    void insurerCodeThatIsNotFourDigitsIsRefused(String value) {
        assertThatThrownBy(() -> new InsurerCode(value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("four digits");
    }

    // --- ProviderCode: AGB, eight digits ---

    @Test
    void providerCodeIsEightDigits() {
        assertThat(new ProviderCode("94001234").value()).isEqualTo("94001234");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "9400123", "940012345", "9400123x", "94-01234"})
    void providerCodeThatIsNotEightDigitsIsRefused(String value) {
        assertThatThrownBy(() -> new ProviderCode(value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("eight digits");
    }

    // --- PrestatieCode: 1 to 20 letters and digits ---

    @ParameterizedTest
    @ValueSource(strings = {"CO0142", "TOESLAGPD", "a", "ABCDEFGHIJ0123456789"})
    void prestatieCodeIsOneToTwentyLettersAndDigits(String value) {
        assertThat(new PrestatieCode(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "CO-0142", "CO 0142; DROP", "ABCDEFGHIJ0123456789X", "CO0142\u0000", "ＣＯ0142"})
    void prestatieCodeThatIsNotOneToTwentyLettersAndDigitsIsRefused(String value) {
        assertThatThrownBy(() -> new PrestatieCode(value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("a prestatie code is 1 to 20 letters and digits");
    }

    // --- Setting: 1 to 8 ---

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void settingIsOneToEight(int number) {
        assertThat(new Setting(number).number()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, -1, 80})
    void settingOutsideOneToEightIsRefused(int number) {
        assertThatThrownBy(() -> new Setting(number)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void settingEightIsHighlySpecialisedCare() {
        // seed 001: setting 8, hoogspecialistische GGZ
        assertThat(Setting.HIGHLY_SPECIALISED).isEqualTo(new Setting(8));
        assertThat(new Setting(3).compareTo(new Setting(8))).isNegative();
    }

    // --- TariffPercentage: above 0, at most 100, two decimals ---

    @Test
    void tariffPercentageKeepsTwoDecimals() {
        assertThat(TariffPercentage.of("92.5").value()).isEqualByComparingTo("92.50")
                .satisfies(v -> assertThat(v.scale()).isEqualTo(2));
        assertThat(TariffPercentage.of("92.5")).isEqualTo(TariffPercentage.of("92.50"));
        assertThat(TariffPercentage.of("100")).isEqualTo(new TariffPercentage(new BigDecimal("100.00")));
        assertThat(TariffPercentage.of("0.01").value()).isEqualByComparingTo("0.01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-5", "100.01", "150", "92.505", "abc", ""})
    void tariffPercentageOutsideZeroToHundredOrWithThreeDecimalsIsRefused(String value) {
        assertThatThrownBy(() -> TariffPercentage.of(value)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void tariffPercentageTextOfAbsurdLengthIsRefusedBeforeItIsParsed() {
        // issue 12 finding 4: BigDecimal takes this text, and the scale arithmetic after it took 6.5 s of CPU
        String absurd = "1" + "0".repeat(80_000) + "E-80003";
        assertTimeoutPreemptively(Duration.ofMillis(500), () ->
                assertThatThrownBy(() -> TariffPercentage.of(absurd)).isInstanceOf(InvalidValueException.class)
                        .hasMessageContaining("such as \"92.50\"")
                        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E2", "9.25e1", "+92.50", " 92.50", "92.50 ", "0x5A", "92,50", "١٢"})
    void tariffPercentageIsPlainDecimalTextWithoutSignOrExponent(String value) {
        assertThatThrownBy(() -> TariffPercentage.of(value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("decimal number");
    }

    @Test
    void tariffPercentageIsRequired() {
        assertThatThrownBy(() -> new TariffPercentage(null)).isInstanceOf(InvalidValueException.class);
    }

    // --- ContractTerm: whole calendar years ---

    @Test
    void contractTermRunsInCalendarYears() {
        ContractTerm term = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
        assertThat(term.years()).isEqualTo(2);
        assertThat(term.calendarYears()).containsExactly(2027, 2028);
        assertThat(term.contains(LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(term.contains(LocalDate.of(2028, 12, 31))).isTrue();
        assertThat(term.contains(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(term.contains(LocalDate.of(2029, 1, 1))).isFalse();
    }

    @Test
    void contractTermStartsOnTheFirstDayOfAnyMonth() {
        // seed 002 §5.3: a contract applied for during the year starts on the first day of the month of application
        ContractTerm fromJuly = new ContractTerm(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 12, 31));
        assertThat(fromJuly.years()).isOne();
        assertThat(fromJuly.startIn(2027)).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(fromJuly.startsMidYear()).isTrue();
        ContractTerm twoYears = new ContractTerm(LocalDate.of(2027, 2, 1), LocalDate.of(2028, 12, 31));
        assertThat(twoYears.calendarYears()).containsExactly(2027, 2028);
        assertThat(twoYears.startIn(2028)).isEqualTo(LocalDate.of(2028, 1, 1));
    }

    @Test
    void contractTermNotStartingOnTheFirstDayOfAMonthIsRefused() {
        // seed 002 §5.3: "per de eerste kalenderdag van de maand"
        assertThatThrownBy(() -> new ContractTerm(LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 31)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("first day of a month");
    }

    @Test
    void contractTermNotEndingOnThirtyFirstDecemberIsRefused() {
        assertThatThrownBy(() -> new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 30)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void contractTermEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new ContractTerm(LocalDate.of(2028, 1, 1), LocalDate.of(2027, 12, 31)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("before it starts");
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2101, 9999, 10_000, 0, -1})
    void aNewContractTermLiesInTheYears2000To2100(int year) {
        assertThatThrownBy(() -> ContractTerm.offered(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2000 to 2100");
        assertThat(ContractTerm.offered(LocalDate.of(2100, 1, 1), LocalDate.of(2100, 12, 31)).years()).isOne();
        assertThat(ContractTerm.offered(LocalDate.of(2000, 1, 1), LocalDate.of(2001, 12, 31)).years()).isEqualTo(2);
    }

    @Test
    void aStoredTermOutsideTheYearsStillReads() {
        // events stored before the year rule keep their meaning: only new offers are held to it
        assertThat(new ContractTerm(LocalDate.of(9999, 1, 1), LocalDate.of(9999, 12, 31)).years()).isOne();
    }

    @Test
    void contractTermNeedsBothDates() {
        assertThatThrownBy(() -> new ContractTerm(null, LocalDate.of(2027, 12, 31)))
                .isInstanceOf(InvalidValueException.class);
    }

    // --- Echo: input quoted back in a message ---

    @Test
    void codesQuoteAtMostFortyCharactersOfWhatWasSent() {
        assertThatThrownBy(() -> new InsurerCode("7".repeat(100_000))).isInstanceOf(InvalidValueException.class)
                .hasMessageEndingWith("'" + "7".repeat(40) + "…'");
        assertThatThrownBy(() -> new ProviderCode("x".repeat(100_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100));
    }

    @Test
    void anEchoShowsInvisibleCharactersAsQuestionMarks() {
        assertThat(Echo.of("a\u0000b\u202Ec\uD800d\u200Be\u001B[31m")).isEqualTo("a?b?c?d?e?[31m");
        assertThat(Echo.of("𝔸".repeat(50))).isEqualTo("𝔸".repeat(40) + "…");
        assertThat(Echo.of(null)).isEqualTo("null");
    }

    // --- Money: euro cents, integer arithmetic ---

    @Test
    void moneyAddsAndSubtractsInCents() {
        assertThat(Money.cents(15_230).plus(Money.cents(70))).isEqualTo(Money.cents(15_300));
        assertThat(Money.cents(100).minus(Money.cents(250))).isEqualTo(Money.cents(-150));
        assertThat(Money.cents(150).negate()).isEqualTo(Money.cents(-150));
        assertThat(Money.cents(3).min(Money.cents(5))).isEqualTo(Money.cents(3));
        assertThat(Money.cents(3).max(Money.cents(5))).isEqualTo(Money.cents(5));
    }

    @Test
    void moneyPercentRoundsDownToTheCent() {
        assertThat(Money.cents(250_000_000).percent(50)).isEqualTo(Money.cents(125_000_000));
        assertThat(Money.cents(999).percent(50)).isEqualTo(Money.cents(499));
        assertThat(Money.cents(1_000_001).percent(70)).isEqualTo(Money.cents(700_000));
    }

    @Test
    void moneyOverflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.cents(Long.MAX_VALUE).plus(Money.cents(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void moneyComparesBySign() {
        assertThat(Money.cents(1).isPositive()).isTrue();
        assertThat(Money.cents(-1).isNegative()).isTrue();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.cents(2).isGreaterThan(Money.cents(1))).isTrue();
        assertThat(Money.cents(1).isGreaterThan(Money.cents(1))).isFalse();
    }

    @Test
    void moneyPrintsAsEuros() {
        assertThat(Money.cents(15_230)).hasToString("€ 152,30");
        assertThat(Money.cents(250_000_000)).hasToString("€ 2.500.000,00");
        assertThat(Money.cents(-50)).hasToString("-€ 0,50");
    }

    // --- DomainTime: Dutch dates ---

    @Test
    void dutchDateOfAnInstantFollowsAmsterdamTime() {
        assertThat(DomainTime.dateOf(Instant.parse("2027-05-31T22:30:00Z"))).isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(DomainTime.dateOf(Instant.parse("2027-12-31T22:59:59Z"))).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(DomainTime.startOf(LocalDate.of(2028, 1, 1))).isEqualTo(Instant.parse("2027-12-31T23:00:00Z"));
    }
}
