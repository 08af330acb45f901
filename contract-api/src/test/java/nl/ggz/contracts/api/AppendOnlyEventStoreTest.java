package nl.ggz.contracts.api;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database refuses to rewrite the record: no UPDATE, DELETE or TRUNCATE of events. */
class AppendOnlyEventStoreTest extends ApplicationTest {

    @Test
    void eventsCannotBeUpdated() {
        String contractId = offer(newInsurer(), 1_000);
        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domainevententry SET payload = '\\x00'::bytea WHERE aggregateidentifier = ?", contractId))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(api.get("/api/contracts/" + contractId).text("status")).isEqualTo("OFFERED");
    }

    @Test
    void eventsCannotBeDeleted() {
        String contractId = offer(newInsurer(), 1_000);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ?", contractId))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, contractId)).isEqualTo(1);
    }

    @Test
    void theEventTableCannotBeTruncated() {
        offer(newInsurer(), 1_000);
        long events = eventCount();
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domainevententry"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void snapshotsStayDeletable() {
        // a snapshot is a cache that Axon replaces; only the events are the record
        jdbc.update("""
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload,
                    payloadtype, timestamp) VALUES ('snapshot-test', 0, 'CeilingAgreement', 'snapshot-test-id',
                    '\\x7b7d'::bytea, 'test', '2026-01-01T00:00:00Z')
                """);
        assertThat(jdbc.update("DELETE FROM snapshotevententry WHERE aggregateidentifier = 'snapshot-test'"))
                .isEqualTo(1);
    }
}
