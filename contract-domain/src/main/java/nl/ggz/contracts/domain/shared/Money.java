package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An amount in euro cents. Integer arithmetic only: no rounding ever touches money. */
public record Money(long cents) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Money {
    }

    public static Money cents(long cents) {
        return new Money(cents);
    }

    @JsonValue
    public long cents() {
        return cents;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public Money negate() {
        return new Money(Math.negateExact(cents));
    }

    public Money min(Money other) {
        return cents <= other.cents ? this : other;
    }

    public Money max(Money other) {
        return cents >= other.cents ? this : other;
    }

    /** {@code percent} % of this amount, rounded down to the cent. */
    public Money percent(int percent) {
        return new Money(Math.multiplyExact(cents, percent) / 100);
    }

    public boolean isPositive() {
        return cents > 0;
    }

    public boolean isNegative() {
        return cents < 0;
    }

    public boolean isZero() {
        return cents == 0;
    }

    public boolean isGreaterThan(Money other) {
        return cents > other.cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(cents, other.cents);
    }

    /** Dutch notation, as purchasers write it: € 2.500.000,00. */
    @Override
    public String toString() {
        String euros = String.format(java.util.Locale.ROOT, "%,d", Math.abs(cents / 100)).replace(',', '.');
        return (cents < 0 ? "-€ " : "€ ") + euros + String.format(java.util.Locale.ROOT, ",%02d", Math.abs(cents % 100));
    }
}
