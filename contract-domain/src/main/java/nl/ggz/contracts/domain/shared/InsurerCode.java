package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An insurer's UZOVI code: four digits. */
public record InsurerCode(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InsurerCode {
        if (value == null || !value.matches("\\d{4}")) {
            throw new InvalidValueException("an insurer code (UZOVI) is four digits, got '" + Echo.of(value) + "'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
