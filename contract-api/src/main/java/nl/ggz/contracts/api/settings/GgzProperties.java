package nl.ggz.contracts.api.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.Set;

/**
 * The application's settings under {@code ggz.*}. Every value, defaults included, is in {@code application.yml} and
 * only there: one place for an operator to read what the application runs with, and no second default in code that
 * could silently differ. A missing or impossible value stops the start with a message naming the property.
 * The event store's settings are that module's own ({@code ggz.event-store}, {@code ggz.audit}: its
 * {@code EventStoreProperties} and {@code AuditProperties}), and so are the demo's ({@code ggz.demo}).
 */
@Validated
@ConfigurationProperties(prefix = "ggz")
public record GgzProperties(@Valid @NotNull EmbeddedPostgres embeddedPostgres,
                            @Valid @NotNull Reference reference,
                            @Valid @NotNull Snapshots snapshots,
                            @Valid @NotNull Cache cache,
                            @Valid @NotNull Commands commands,
                            @Valid @NotNull Declarations declarations,
                            @Valid @NotNull Http http,
                            @Valid @NotNull Ingestion ingestion) {

    /**
     * The embedded default: a real PostgreSQL started by the application when no {@code spring.datasource.url} is set.
     *
     * @param dataDirectory where the database files live; kept between runs so that a restart keeps the state
     * @param port          0 picks a free port
     */
    public record EmbeddedPostgres(@NotBlank String dataDirectory, @PositiveOrZero @Max(65_535) int port) {
    }

    /**
     * Reference data the declaration rules need.
     *
     * @param psychodiagnosticsSupplementCodes prestatie codes of the psychodiagnostics supplement (seed 002 §5.2)
     */
    public record Reference(@NotNull Set<String> psychodiagnosticsSupplementCodes) {
        public Reference {
            psychodiagnosticsSupplementCodes = psychodiagnosticsSupplementCodes == null
                    ? null : Set.copyOf(psychodiagnosticsSupplementCodes);
        }
    }

    /** Events after which an aggregate is snapshotted, so that loading it replays no more than that. */
    public record Snapshots(@Positive int ceilingThreshold, @Positive int contractThreshold) {
    }

    /** @param ceilings ceilings kept loaded on this node, at most */
    public record Cache(@Positive long ceilings) {
    }

    /** @param attempts how often a command that lost the race for its aggregate to another node is sent, in all */
    public record Commands(@Positive int attempts) {
    }

    /** @param maxBatchSize declarations a claims batch may hold */
    public record Declarations(@Positive int maxBatchSize) {
    }

    /** @param maxBodyBytes the largest request body read */
    public record Http(@Positive long maxBodyBytes) {
    }

    /** @param concurrentCommands ceiling commands of claims batches that run at once on this node */
    public record Ingestion(@Positive int concurrentCommands) {
    }
}
