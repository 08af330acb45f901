package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A provider's AGB code: eight digits. */
public record ProviderCode(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProviderCode {
        if (value == null || !value.matches("\\d{8}")) {
            throw new InvalidValueException("a provider code (AGB) is eight digits, got '" + Echo.of(value) + "'");
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
