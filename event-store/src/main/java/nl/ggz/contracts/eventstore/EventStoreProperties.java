package nl.ggz.contracts.eventstore;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The event store's settings, {@code ggz.event-store.*}. Their values, defaults included, are in the application's
 * {@code application.yml}, the one place an operator looks; an impossible value stops the start, naming the property.
 *
 * @param batchSize events per query when Axon reads the store (a processor catching up, an aggregate loaded without a
 *                  recent snapshot)
 */
@Validated
@ConfigurationProperties(prefix = "ggz.event-store")
public record EventStoreProperties(@Positive int batchSize) {
}
