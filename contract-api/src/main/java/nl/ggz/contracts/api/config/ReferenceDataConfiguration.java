package nl.ggz.contracts.api.config;

import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.domain.ceiling.PrestatieCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The reference data the declaration rules need, configured under {@code ggz.reference} rather than coded. */
@Configuration(proxyBeanMethods = false)
public class ReferenceDataConfiguration {

    @Bean
    PrestatieCatalogue prestatieCatalogue(GgzProperties settings) {
        Set<String> supplements = settings.reference().psychodiagnosticsSupplementCodes();
        return code -> supplements.contains(code.value());
    }
}
