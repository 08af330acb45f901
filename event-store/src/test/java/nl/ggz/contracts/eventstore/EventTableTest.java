package nl.ggz.contracts.eventstore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's SQL, ours and the migration that creates the table name the same table. */
class EventTableTest {

    @Test
    void theNameAxonWritesIsTheTableTheMigrationCreates() throws IOException {
        try (InputStream v1 = getClass().getResourceAsStream("/db/migration/V1__event_store.sql")) {
            assertThat(new String(v1.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("CREATE TABLE " + EventTable.NAME + " (");
        }
        assertThat(EventTable.SCHEMA.domainEventTable()).isEqualToIgnoringCase(EventTable.NAME);
    }
}
