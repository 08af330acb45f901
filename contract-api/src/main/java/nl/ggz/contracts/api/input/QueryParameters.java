package nl.ggz.contracts.api.input;

import nl.ggz.contracts.domain.shared.InvalidValueException;

import java.util.Map;

/** Query parameters read one by one: a parameter given twice is refused, never one of its values picked silently. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** The parameter's one value, or null when it is absent. */
    public static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidValueException(name + " is given " + values.length + " times; give it once");
        }
        return values[0];
    }
}
