package nl.ggz.contracts.api.settings;

import nl.ggz.contracts.api.security.ClaimMapping;
import nl.ggz.contracts.eventstore.AuditProperties;
import nl.ggz.contracts.eventstore.EventStoreProperties;
import nl.ggz.contracts.eventstore.log.LogTimestampProperties;
import nl.ggz.contracts.eventstore.log.LogWitnessProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings are checked when the application starts: application.yml binds as it is, and a value that cannot work
 * stops the start with Spring Boot's report naming the property, the value and the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    /** Only the settings: they bind and are validated as in the application, without a database or a web server. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GgzProperties.class, EventStoreProperties.class, AuditProperties.class,
            ClaimMapping.class, LogTimestampProperties.class, LogWitnessProperties.class})
    static class Settings {
    }

    @Test
    void applicationYmlBindsAsItIs() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(GgzProperties.class)).isEqualTo(ShippedSettings.ggz());
            assertThat(context.getBean(EventStoreProperties.class).batchSize()).isEqualTo(1_000);
            assertThat(context.getBean(AuditProperties.class).checkpointInterval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(AuditProperties.class).maxWaitForWrites()).isEqualTo(Duration.ofSeconds(30));
            // the claim names of TokenClaims, the names the embedded issuer writes
            assertThat(context.getBean(ClaimMapping.class)).isEqualTo(ClaimMapping.standard());
            // issue 18: no TSA and no witness unless configured
            assertThat(context.getBean(LogTimestampProperties.class).enabled()).isFalse();
            assertThat(context.getBean(LogTimestampProperties.class).interval()).isEqualTo(Duration.ofMinutes(10));
            assertThat(context.getBean(LogWitnessProperties.class).witnesses()).isEmpty();
        }
    }

    /** Spring Boot's report names the property by its path in the settings ({@code maxBatchSize}). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ggz.event-store.batch-size | -1 | ggz.event-store.batchSize | must be greater than 0",
            "ggz.ingestion.concurrent-commands | 0 | ggz.ingestion.concurrentCommands | must be greater than 0",
            "ggz.commands.attempts | 0 | ggz.commands.attempts | must be greater than 0",
            "ggz.declarations.max-batch-size | -5 | ggz.declarations.maxBatchSize | must be greater than 0",
            "ggz.http.max-body-bytes | 0 | ggz.http.maxBodyBytes | must be greater than 0",
            "ggz.snapshots.ceiling-threshold | 0 | ggz.snapshots.ceilingThreshold | must be greater than 0",
            "ggz.cache.ceilings | -1 | ggz.cache.ceilings | must be greater than 0",
            "ggz.embedded-postgres.port | -1 | ggz.embeddedPostgres.port | must be greater than or equal to 0",
            "ggz.embedded-postgres.data-directory | ' ' | ggz.embeddedPostgres.dataDirectory | must not be blank",
            "ggz.audit.checkpoint-interval | 0s | ggz.audit.checkpointInterval | must be longer than or equal to 1 sec",
            "ggz.audit.max-wait-for-writes | 0s | ggz.audit.maxWaitForWrites | must be longer than or equal to 1 milli",
            "ggz.security.claims.role | ' ' | ggz.security.claims.role | must not be blank",
            "ggz.audit.log.timestamp.url | ftp://tsa.example | ggz.audit.log.timestamp.url | must be empty (no "
                    + "timestamps) or an http(s) URL",
            "ggz.audit.log.timestamp.interval | 0s | ggz.audit.log.timestamp.interval | must be longer than or equal "
                    + "to 1 sec",
            "ggz.audit.log.witnesses | nza | ggz.audit.log.witnesses[0] | must be a witness vkey",
    })
    void anImpossibleValueStopsTheStartNamingTheProperty(String property, String value, String reported,
                                                         String reason, CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + property + "=" + value).close());
        assertThat(output).contains("APPLICATION FAILED TO START", "Property: " + reported, "Reason: " + reason);
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        SpringApplication application = new SpringApplication(Settings.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(arguments);
    }
}
