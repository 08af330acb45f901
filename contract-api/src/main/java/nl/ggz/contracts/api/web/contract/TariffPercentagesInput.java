package nl.ggz.contracts.api.web.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code tariffPercentages} as a client sends it: an object of setting number to percentage text,
 * {@code {"2":"92.50","3":"95.00"}} (seed 001 differentiates the tariff per setting). It reads itself, keeping the text
 * rules — a key is a setting number 1 to 8, a value a {@link Text#DECIMAL} and then a {@link TariffPercentage} —
 * rather than through bean validation, whose problem would quote a bad key whole in the field's path.
 */
public final class TariffPercentagesInput {

    private static final Pattern SETTING = Pattern.compile("[1-8]");

    /** Not a record: Jackson would look for a way to read the map's Setting keys, which this class reads itself. */
    private final SortedMap<Setting, TariffPercentage> bySetting;

    private TariffPercentagesInput(SortedMap<Setting, TariffPercentage> bySetting) {
        this.bySetting = Collections.unmodifiableSortedMap(new TreeMap<>(bySetting));
    }

    public SortedMap<Setting, TariffPercentage> bySetting() {
        return bySetting;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TariffPercentagesInput read(Map<String, String> json) {
        if (json.isEmpty()) {
            throw new InvalidValueException("names at least one setting, such as {\"2\":\"92.50\"}; leave it out to "
                    + "give one tariffPercentage for every setting");
        }
        SortedMap<Setting, TariffPercentage> tariffs = new TreeMap<>();
        for (Map.Entry<String, String> entry : json.entrySet()) {
            String key = entry.getKey();
            if (key == null || !SETTING.matcher(key).matches()) {
                throw new InvalidValueException("'" + Echo.of(key) + "' is not a setting; the keys are setting "
                        + "numbers 1 to 8");
            }
            String tariff = "the tariff of setting " + key;
            String value = entry.getValue();
            if (value == null) {
                throw new InvalidValueException(tariff + " is null; give a percentage such as \"92.50\"");
            }
            String problem = Text.DECIMAL.problem(value);
            if (problem != null) {
                throw new InvalidValueException(tariff + " " + problem);
            }
            try {
                tariffs.put(new Setting(Integer.parseInt(key)), TariffPercentage.of(value));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(tariff + ": " + e.getMessage());
            }
        }
        return new TariffPercentagesInput(tariffs);
    }
}
