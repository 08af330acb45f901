package nl.ggz.contracts.domain.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The tariff per setting, each a percentage of the NZa maximum tariffs. Seed 001 differentiates the tariff percentage
 * per setting (and quality mark); a contract with one tariff for everything has the same percentage for every setting.
 * Stored as a JSON object of setting number to percentage: {@code {"2":92.50,"3":95.00}}.
 */
public record Tariffs(@JsonIgnore SortedMap<Setting, TariffPercentage> bySetting) {

    public Tariffs {
        if (bySetting == null || bySetting.isEmpty()) {
            throw new InvalidValueException("a contract has a tariff for each of its settings");
        }
        if (bySetting.keySet().stream().anyMatch(java.util.Objects::isNull)
                || bySetting.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException("a tariff names its setting and its percentage");
        }
        bySetting = Collections.unmodifiableSortedMap(new TreeMap<>(bySetting));
    }

    /** One percentage for every setting named. */
    public static Tariffs uniform(TariffPercentage tariff, Collection<Setting> settings) {
        SortedMap<Setting, TariffPercentage> map = new TreeMap<>();
        settings.forEach(setting -> map.put(setting, tariff));
        return new Tariffs(map);
    }

    public static Tariffs of(Map<Setting, TariffPercentage> bySetting) {
        return new Tariffs(bySetting == null ? null : new TreeMap<>(bySetting));
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Tariffs fromJson(Map<Integer, TariffPercentage> json) {
        SortedMap<Setting, TariffPercentage> map = new TreeMap<>();
        json.forEach((number, tariff) -> map.put(new Setting(number), tariff));
        return new Tariffs(map);
    }

    @JsonValue
    SortedMap<Integer, BigDecimal> toJson() {
        SortedMap<Integer, BigDecimal> json = new TreeMap<>();
        bySetting.forEach((setting, tariff) -> json.put(setting.number(), tariff.value()));
        return json;
    }

    public Set<Setting> settings() {
        return bySetting.keySet();
    }

    public TariffPercentage of(Setting setting) {
        return bySetting.get(setting);
    }

    /** The one percentage of every setting, or null when the settings differ. */
    public TariffPercentage uniform() {
        Set<TariffPercentage> distinct = Set.copyOf(bySetting.values());
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    @Override
    public String toString() {
        TariffPercentage one = uniform();
        if (one != null) {
            return one.toString();
        }
        return bySetting.entrySet().stream().map(e -> e.getValue() + " for setting " + e.getKey().number())
                .collect(Collectors.joining(", "));
    }
}
