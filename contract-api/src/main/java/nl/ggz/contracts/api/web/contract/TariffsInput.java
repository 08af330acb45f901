package nl.ggz.contracts.api.web.contract;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code tariffPercentages} as a client sends it: an object of setting number to percentage text,
 * {@code {"2":"92.50","3":"95.00"}} (seed 001 differentiates the tariff per setting). Read here rather than by Jackson
 * and bean validation, so that a bad key is quoted at most 40 characters long and the field is named with it.
 */
final class TariffsInput {

    static final String FIELD = "tariffPercentages";
    private static final Pattern SETTING = Pattern.compile("[1-8]");

    private TariffsInput() {
    }

    /** Null when the field was left out. */
    static Map<Setting, TariffPercentage> bySetting(Map<String, String> json) {
        if (json == null) {
            return null;
        }
        if (json.isEmpty()) {
            throw new InvalidValueException(FIELD + " names at least one setting, such as {\"2\":\"92.50\"}; leave it "
                    + "out to give one tariffPercentage for every setting");
        }
        SortedMap<Setting, TariffPercentage> tariffs = new TreeMap<>();
        for (Map.Entry<String, String> entry : json.entrySet()) {
            String key = entry.getKey();
            if (key == null || !SETTING.matcher(key).matches()) {
                throw new InvalidValueException(FIELD + ": '" + Echo.of(key) + "' is not a setting; the keys are "
                        + "setting numbers 1 to 8");
            }
            String field = FIELD + "." + key;
            String value = entry.getValue();
            if (value == null) {
                throw new InvalidValueException(field + " is null; give a percentage such as \"92.50\"");
            }
            String problem = Text.DECIMAL.problem(value);
            if (problem != null) {
                throw new InvalidValueException(field + " " + problem);
            }
            try {
                tariffs.put(new Setting(Integer.parseInt(key)), TariffPercentage.of(value));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(field + ": " + e.getMessage());
            }
        }
        return tariffs;
    }
}
