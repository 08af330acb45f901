package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The tariff as a percentage of the NZa maximum tariffs: above 0, at most 100, two decimals at most. */
public record TariffPercentage(BigDecimal value) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /**
     * The form of a tariff as text, checked before it is parsed: BigDecimal takes "1" with 80,000 zeros and "E-80003",
     * and the scale arithmetic after it then costs seconds of CPU. Plain decimals only, no sign and no exponent.
     */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,10})?");

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
        if (value == null || value.length() > 14 || !PLAIN_DECIMAL.matcher(value).matches()) {
            throw new InvalidValueException("a tariff percentage is a decimal number such as \"92.50\", got '"
                    + Echo.of(value) + "'");
        }
        return new TariffPercentage(new BigDecimal(value));
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
