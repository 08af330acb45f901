package nl.ggz.contracts.api.settings;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The {@code ggz.*} settings as application.yml ships them, for tests that build a component by hand. */
public final class ShippedSettings {

    private ShippedSettings() {
    }

    public static GgzProperties ggz() {
        try {
            List<PropertySource<?>> yml = new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(yml), new PropertySourcesPlaceholdersResolver(yml))
                    .bind("ggz", GgzProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
