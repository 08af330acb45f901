package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The report tables are rebuilt from the events: a reset empties them and the replay fills them as they were. */
class ReportingRebuildTest extends ReportingTest {

    @Test
    void resetDeletesTheReportRowsAndTheReplayRestoresTheSameFigures() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signed(insurer, "INSTITUTION", "94300001", YEAR, YEAR, 600_000);
        exhaustCeiling(contractId, 600_000);
        stop(contractId, "CEILING_REACHED", day(YEAR, 4, 1), day(YEAR, 5, 15));
        stop(contractId, "CAPACITY", day(YEAR, 9, 1), null);
        approve(contractId, requestIncrease(contractId, 100_000), 80_000);
        requestIncrease(contractId, 50_000);
        awaitReportingCaughtUp();
        JsonNode monitor = monitor(YEAR);
        JsonNode report = patientStops(insurer, YEAR);
        assertThat(report.path("stops")).hasSize(2);

        // a row no event stands for: a rebuild must not keep it
        String stray = "stray-" + UUID.randomUUID();
        jdbc.update("""
                INSERT INTO report_contract (contract_id, insurer_uzovi, provider_agb, provider_type, term_start,
                    term_end, status, signed)
                VALUES (?, ?, '94300002', 'INSTITUTION', ?, ?, 'SIGNED', TRUE)
                """, stray, insurer, java.sql.Date.valueOf(day(YEAR, 1, 1)), java.sql.Date.valueOf(day(YEAR, 12, 31)));
        assertThat(difference(monitor.path("byProviderType"), monitor(YEAR).path("byProviderType")))
                .containsEntry("INSTITUTION.contracts", 1L);

        StreamingEventProcessor reporting = reportingProcessor();
        reporting.shutDown();
        try {
            reporting.resetTokens();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_contract", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_patient_stop", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_ceiling_exhausted", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM report_increase_request", Long.class)).isZero();
        } finally {
            reporting.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(monitor(YEAR)).isEqualTo(monitor);
            assertThat(patientStops(insurer, YEAR)).isEqualTo(report);
        });
        awaitReportingCaughtUp();
        assertThat(monitor(YEAR)).isEqualTo(monitor);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_contract WHERE contract_id = ?", Long.class, stray))
                .isZero();
    }
}
