package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;

/** The tariff as a percentage of the NZa maximum tariffs: above 0, at most 100, two decimals at most. */
public record TariffPercentage(BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TariffPercentage {
        if (value == null || value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            throw new InvalidValueException("a tariff percentage is above 0 and at most 100 (of the NZa maximum tariff), got " + value);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("a tariff percentage has at most two decimals, got " + value);
        }
        value = value.setScale(2);
    }

    public static TariffPercentage of(String value) {
        try {
            return new TariffPercentage(new BigDecimal(value));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("a tariff percentage is a decimal number such as \"92.50\", got '" + value + "'");
        }
    }

    @JsonValue
    @Override
    public BigDecimal value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " %";
    }
}
