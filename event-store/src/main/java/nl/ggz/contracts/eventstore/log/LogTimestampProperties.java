package nl.ggz.contracts.eventstore.log;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * RFC 3161 timestamps of the log's heads, {@code ggz.audit.log.timestamp.*} (defaults in {@code application.yml}).
 *
 * @param url      the TSA's HTTP(S) address (RFC 3161 §3.4, {@code application/timestamp-query}); empty: no timestamps
 * @param interval how often the current head of each log that grew since its last timestamp is timestamped; a TSA
 *                 that did not answer is asked again at the next round
 * @param timeout  how long one request to the TSA may take
 */
@Validated
@ConfigurationProperties(prefix = "ggz.audit.log.timestamp")
public record LogTimestampProperties(@NotNull @Pattern(regexp = "|https?://[^\\s]{1,2000}",
                                             message = "must be empty (no timestamps) or an http(s) URL") String url,
                                     @NotNull @DurationMin(seconds = 1) Duration interval,
                                     @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration timeout) {

    public boolean enabled() {
        return !url.isEmpty();
    }
}
