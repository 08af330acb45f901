package nl.ggz.contracts.eventstore;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The audit trail's settings, {@code ggz.audit.*}. Their values, defaults included, are in the application's
 * {@code application.yml}; an impossible value stops the start, naming the property.
 *
 * @param signingKey         the Ed25519 key that signs checkpoints, a PKCS#8 PEM file; empty: the application makes
 *                           one on its first start (see contract-api's AuditSigningKeyConfiguration)
 * @param checkpointInterval a signed checkpoint this often, skipped when nothing was written since the last
 * @param maxWaitForWrites   how long an export or a checkpoint waits for the event writes open at its start
 *                           ({@link CommittedHorizon}) before it gives up
 */
@Validated
@ConfigurationProperties(prefix = "ggz.audit")
public record AuditProperties(String signingKey,
                              @NotNull @DurationMin(seconds = 1) Duration checkpointInterval,
                              @NotNull @DurationMin(millis = 1) Duration maxWaitForWrites) {
}
