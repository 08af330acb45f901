package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §5: counted = declared − clawed back; payable = counted up to the ceiling; unpaid = the rest. */
class CeilingBalanceTest {

    private static CeilingBalance balance(long ceiling, long declared, long clawedBack) {
        return new CeilingBalance(Money.cents(ceiling), Money.cents(declared), Money.cents(clawedBack));
    }

    @Test
    void countedIsDeclaredLessClawedBack() {
        assertThat(balance(1_000, 900, 150).counted()).isEqualTo(Money.cents(750));
    }

    @Test
    void belowTheCeilingEverythingCountedIsPayable() {
        CeilingBalance b = balance(1_000, 900, 150);
        assertThat(b.payable()).isEqualTo(Money.cents(750));
        assertThat(b.unpaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void aboveTheCeilingTheRestIsUnpaid() {
        CeilingBalance b = balance(1_000, 1_300, 100);
        assertThat(b.payable()).isEqualTo(Money.cents(1_000));
        assertThat(b.unpaid()).isEqualTo(Money.cents(200));
    }

    @Test
    void payableAndUnpaidAreNeverNegative() {
        CeilingBalance b = balance(1_000, 100, 300);
        assertThat(b.payable()).isEqualTo(Money.ZERO);
        assertThat(b.unpaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void utilisationIsCountedOverCeilingWithTwoDecimalsRoundedDown() {
        assertThat(balance(300, 200, 0).utilisationPercent()).isEqualByComparingTo("66.66");
        assertThat(balance(1_000, 1_250, 0).utilisationPercent()).isEqualByComparingTo("125.00");
        assertThat(balance(1_000, 800, 100).utilisationPercent()).isEqualByComparingTo("70.00");
    }

    @Test
    void thresholdIsReachedAtExactlyItsPercentage() {
        // seed 001: at 70 %
        assertThat(balance(1_000, 700, 0).hasReached(70)).isTrue();
        assertThat(balance(1_000, 699, 0).hasReached(70)).isFalse();
        assertThat(balance(1_000, 800, 101).hasReached(70)).isFalse();
        assertThat(balance(3, 2, 0).hasReached(67)).isFalse();
        assertThat(balance(3, 2, 0).hasReached(66)).isTrue();
    }

    @Test
    void raisingTheCeilingReleasesHeldAmounts() {
        CeilingBalance before = balance(1_000, 1_200, 0);
        CeilingBalance after = before.withCeiling(Money.cents(1_300));
        assertThat(after.payable().minus(before.payable())).isEqualTo(Money.cents(200));
        assertThat(after.unpaid()).isEqualTo(Money.ZERO);
    }

    @Test
    void withersChangeOneTotalOnly() {
        CeilingBalance b = balance(1_000, 500, 100);
        assertThat(b.withDeclared(Money.cents(-50))).isEqualTo(balance(1_000, 450, 100));
        assertThat(b.withClawedBack(Money.cents(25))).isEqualTo(balance(1_000, 500, 125));
        assertThat(b.withCeiling(Money.cents(2_000))).isEqualTo(balance(2_000, 500, 100));
    }

    // --- claw-backs reclaim what was paid (seed 000 ⓴) ---

    private static CeilingBalance.ClawBackSplit split(long fromPaid, long fromUnpaid) {
        return new CeilingBalance.ClawBackSplit(Money.cents(fromPaid), Money.cents(fromUnpaid));
    }

    @Test
    void aClawBackBelowTheCeilingIsReclaimedInFullFromWhatWasPaid() {
        assertThat(balance(1_000, 800, 0).clawBack(Money.cents(300))).isEqualTo(split(300, 0));
    }

    @Test
    void aClawBackAboveTheCeilingTakesTheHeldAmountsFirst() {
        // 1,300 counted of 1,000: 300 held unpaid; 200 of it withdrawn, nothing reclaimed
        assertThat(balance(1_000, 1_300, 0).clawBack(Money.cents(200))).isEqualTo(split(0, 200));
        // 500 reclaimed: the 300 held, then 200 of what was paid
        assertThat(balance(1_000, 1_300, 0).clawBack(Money.cents(500))).isEqualTo(split(200, 300));
    }

    @Test
    void withdrawnHeldAmountsAreNoLongerCountedNorClawedBack() {
        CeilingBalance after = balance(1_000, 1_300, 0).withClawBack(Money.ZERO, Money.cents(200));
        assertThat(after.counted()).isEqualTo(Money.cents(1_100));
        assertThat(after.payable()).isEqualTo(Money.cents(1_000));
        assertThat(after.unpaid()).isEqualTo(Money.cents(100));
        assertThat(after.clawedBack()).isEqualTo(Money.ZERO);
        assertThat(after.withdrawnUnpaid()).isEqualTo(Money.cents(200));
    }

    @Test
    void theClawedBackTotalIsWhatThePayableTotalLost() {
        CeilingBalance before = balance(1_000, 1_100, 0);
        CeilingBalance.ClawBackSplit split = before.clawBack(Money.cents(400));
        CeilingBalance after = before.withClawBack(split.fromPaid(), split.fromUnpaid());
        assertThat(before.payable().minus(after.payable())).isEqualTo(after.clawedBack()).isEqualTo(Money.cents(300));
        assertThat(before.counted().minus(after.counted())).isEqualTo(Money.cents(400));
    }
}
