package nl.ggz.contracts.api.config;

import nl.ggz.contracts.domain.ceiling.PrestatieCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * Reference data the declaration rules need.
 *
 * @param psychodiagnosticsSupplementCodes prestatie codes of the psychodiagnostics supplement (seed 002 §5.2); set
 *                                         these to the NZa codes in force
 */
@ConfigurationProperties(prefix = "ggz.reference")
public record ReferenceDataProperties(Set<String> psychodiagnosticsSupplementCodes) implements PrestatieCatalogue {

    public ReferenceDataProperties {
        psychodiagnosticsSupplementCodes = psychodiagnosticsSupplementCodes == null
                ? Set.of() : Set.copyOf(psychodiagnosticsSupplementCodes);
    }

    @Override
    public boolean isPsychodiagnosticsSupplement(String prestatieCode) {
        return psychodiagnosticsSupplementCodes.contains(prestatieCode);
    }
}
