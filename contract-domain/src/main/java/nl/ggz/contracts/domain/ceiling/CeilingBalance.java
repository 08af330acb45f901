package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The ceiling arithmetic of DESIGN.md §5, in one place for the aggregate and every view. Counted is what was declared
 * net of credits, less claw-backs; it is payable up to the ceiling, the rest is held unpaid (seed 001: declarations
 * above the ceiling are not paid, but providers keep declaring).
 * <p>
 * A claw-back reclaims what was paid (seed 000 ⓴: "declaraties ... die onterecht betaald zijn"): of its amount, what
 * lowers the payable total is {@code clawedBack}; what only lowers the amounts held unpaid above the ceiling was never
 * paid, and is {@code withdrawnUnpaid} — no longer counted, never clawed back (see {@link #clawBack}).
 */
public record CeilingBalance(Money ceiling, Money declared, Money clawedBack, Money withdrawnUnpaid) {

    /** A balance without claw-backs on held amounts (every balance before claw-backs were split). */
    public CeilingBalance(Money ceiling, Money declared, Money clawedBack) {
        this(ceiling, declared, clawedBack, Money.ZERO);
    }

    public Money counted() {
        return declared.minus(clawedBack).minus(withdrawnUnpaid);
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
        return new CeilingBalance(ceiling, declared.plus(delta), clawedBack, withdrawnUnpaid);
    }

    public CeilingBalance withClawedBack(Money delta) {
        return new CeilingBalance(ceiling, declared, clawedBack.plus(delta), withdrawnUnpaid);
    }

    public CeilingBalance withWithdrawnUnpaid(Money delta) {
        return new CeilingBalance(ceiling, declared, clawedBack, withdrawnUnpaid.plus(delta));
    }

    public CeilingBalance withCeiling(Money newCeiling) {
        return new CeilingBalance(newCeiling, declared, clawedBack, withdrawnUnpaid);
    }

    /**
     * How a claw-back of {@code amount} splits: what lowers the payable total (reclaimed from what was paid), and what
     * only lowers the amounts held unpaid above the ceiling. Counted goes down by the whole amount either way; above
     * the ceiling the held amounts go first, since the payable total is the ceiling as long as anything is held.
     */
    public ClawBackSplit clawBack(Money amount) {
        Money payableAfter = new CeilingBalance(ceiling, declared, clawedBack.plus(amount), withdrawnUnpaid).payable();
        Money fromPaid = payable().minus(payableAfter);
        return new ClawBackSplit(fromPaid, amount.minus(fromPaid));
    }

    /** A claw-back's two parts: reclaimed from what was paid, and withdrawn from what was held unpaid. */
    public record ClawBackSplit(Money fromPaid, Money fromUnpaid) {
    }

    /** The balance after a claw-back split so. */
    public CeilingBalance withClawBack(Money fromPaid, Money fromUnpaid) {
        return withClawedBack(fromPaid).withWithdrawnUnpaid(fromUnpaid);
    }
}
