package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * A prestatie code of the zorgprestatiemodel, such as CO0142: 1 to 20 ASCII letters and digits, compared exactly as
 * written. Stored and sent as the plain string.
 */
public record PrestatieCode(String value) implements Comparable<PrestatieCode> {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9]{1,20}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PrestatieCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValueException("a prestatie code is 1 to 20 letters and digits, got '" + Echo.of(value)
                    + "'");
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(PrestatieCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
