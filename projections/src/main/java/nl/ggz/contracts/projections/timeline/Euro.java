package nl.ggz.contracts.projections.timeline;

import nl.ggz.contracts.domain.shared.Money;

/** Dutch notation for people reading a timeline: € 2.500.000,00. */
final class Euro {
    private Euro() {
    }

    static String format(Money money) {
        long cents = money.cents();
        String euros = String.format(java.util.Locale.ROOT, "%,d", Math.abs(cents / 100)).replace(',', '.');
        return (cents < 0 ? "-€ " : "€ ") + euros + String.format(",%02d", Math.abs(cents % 100));
    }
}
