package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The ceiling arithmetic of DESIGN.md §5, in one place for the aggregate and every view. Counted is what was declared
 * net of credits, less claw-backs; it is payable up to the ceiling, the rest is held unpaid (seed 001: declarations
 * above the ceiling are not paid, but providers keep declaring).
 */
public record CeilingBalance(Money ceiling, Money declared, Money clawedBack) {

    public Money counted() {
        return declared.minus(clawedBack);
    }

    public Money payable() {
        return counted().min(ceiling).max(Money.ZERO);
    }

    public Money unpaid() {
        return counted().minus(payable()).max(Money.ZERO);
    }

    /** counted / ceiling × 100, two decimals. */
    public BigDecimal utilisationPercent() {
        if (ceiling.isZero()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(counted().cents()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(ceiling.cents()), 2, RoundingMode.DOWN);
    }

    public boolean hasReached(int percent) {
        return BigDecimal.valueOf(counted().cents()).multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf(ceiling.cents()).multiply(BigDecimal.valueOf(percent))) >= 0;
    }

    public CeilingBalance withDeclared(Money delta) {
        return new CeilingBalance(ceiling, declared.plus(delta), clawedBack);
    }

    public CeilingBalance withClawedBack(Money delta) {
        return new CeilingBalance(ceiling, declared, clawedBack.plus(delta));
    }

    public CeilingBalance withCeiling(Money newCeiling) {
        return new CeilingBalance(newCeiling, declared, clawedBack);
    }
}
