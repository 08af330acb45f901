package nl.ggz.contracts.api;

import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.api.settings.ShippedSettings;
import nl.ggz.contracts.eventstore.AuditProperties;
import nl.ggz.contracts.eventstore.EventStoreProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The running application has its settings from application.yml (the tests move only the data folder). */
class SettingsTest extends ApplicationTest {

    @Autowired
    GgzProperties ggz;

    @Autowired
    EventStoreProperties eventStore;

    @Autowired
    AuditProperties audit;

    @Test
    void theApplicationRunsWithTheSettingsOfApplicationYml() {
        GgzProperties shipped = ShippedSettings.ggz();
        assertThat(ggz).usingRecursiveComparison().ignoringFields("embeddedPostgres.dataDirectory")
                .isEqualTo(shipped);
        assertThat(ggz.ingestion().concurrentCommands()).isEqualTo(2);
        assertThat(ggz.declarations().maxBatchSize()).isEqualTo(5_000);
        assertThat(ggz.reference().psychodiagnosticsSupplementCodes()).containsExactly("TOESLAGPD");
        assertThat(eventStore.batchSize()).isEqualTo(1_000);
        assertThat(audit.checkpointInterval()).isEqualTo(Duration.ofMinutes(10));
    }
}
