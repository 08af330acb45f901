package nl.ggz.contracts.eventstore.log;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The verifiable log's settings, {@code ggz.audit.log.*} (values and defaults in the application's
 * {@code application.yml}).
 *
 * @param enabled      whether this node runs the appender (the log is read either way); one node at a time appends
 * @param origin       the global log's origin line; an insurer's log is {@code <origin>/insurer/<UZOVI>}
 * @param pollInterval how often the appender looks for newly committed events: the most the log lags the store when
 *                     idle
 * @param batchSize    events appended per transaction
 */
@Validated
@ConfigurationProperties(prefix = "ggz.audit.log")
public record LogProperties(boolean enabled,
                            @NotBlank String origin,
                            @NotNull @DurationMin(millis = 10) Duration pollInterval,
                            @Min(1) @Max(100_000) int batchSize) {

    public String origin(String insurer) {
        return insurer == null ? origin : origin + "/insurer/" + insurer;
    }
}
