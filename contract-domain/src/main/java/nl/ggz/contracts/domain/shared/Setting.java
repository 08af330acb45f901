package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A care setting of the zorgprestatiemodel, 1 to 8: 1 ambulant section II, 2 ambulant section III mono,
 * 3 ambulant section III multi, 4 outreaching, 5 clinical, 6 forensic non-clinical, 7 forensic clinical,
 * 8 highly specialised.
 */
public record Setting(int number) implements Comparable<Setting> {

    /** Seed 001 (Hoogspecialistische GGZ): setting 8 may only be delivered and declared when contracted. */
    public static final Setting HIGHLY_SPECIALISED = new Setting(8);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Setting {
        if (number < 1 || number > 8) {
            throw new InvalidValueException("a setting is a number from 1 to 8, got " + number);
        }
    }

    @JsonValue
    @Override
    public int number() {
        return number;
    }

    @Override
    public int compareTo(Setting other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "setting " + number;
    }
}
