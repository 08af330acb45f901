package nl.ggz.contracts.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * What the operator watches besides the JVM: per streaming read model, how many events it is behind the head of the
 * event store ({@code ggz_projection_lag_events}) and how many events wait in its dead-letter queue
 * ({@code ggz_dead_letters}). Read when scraped, from Axon's processor status and the dead-letter table.
 */
@Component
public class ProcessingMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final DeadLetterSchema deadLetters;
    private final StoredTokens tokens;
    private final JdbcTemplate jdbc;

    public ProcessingMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                             DeadLetterSchema deadLetters, StoredTokens tokens, JdbcTemplate jdbc) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("ggz.projection.lag.events", streaming, this::eventsBehind)
                        .description("events in the store that this read model has not applied yet")
                        .tag("processor", name)
                        .register(registry);
                Gauge.builder("ggz.dead.letters", name, this::deadLetterCount)
                        .description("events parked in this read model's dead-letter queue")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    /**
     * Always a number: from the segments this node works on, else from the stored tokens — a group whose segments
     * another node holds, or whose batch failed and waits for its retry (Axon then reports no status), or that never
     * started (no token: everything is behind).
     */
    private double eventsBehind(StreamingEventProcessor processor) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        OptionalLong slowest = processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min();
        if (slowest.isEmpty()) {
            slowest = tokens.lowestPosition(processor.getName());
        }
        return Math.max(0, head - slowest.orElse(0));
    }

    private double deadLetterCount(String processingGroup) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + deadLetters.deadLetterTable() + " WHERE "
                + deadLetters.processingGroupColumn() + " = ?", Long.class, processingGroup);
        return count == null ? 0 : count;
    }
}
