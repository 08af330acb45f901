package nl.ggz.contracts.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every event carries who, what system, correlation and causation: also an event that no request caused. An offer
 * that lapses is recorded by the system's deadline manager, caused by the deadline that fired — before, such events
 * were stored with empty metadata (Axon's db-scheduler deadline manager ran its unit of work without the correlation
 * providers the command bus and the processors have).
 */
class DeadlineMetadataTest extends ApplicationTest {

    @Autowired
    private MovableClock clock;

    @Test
    void anEventADeadlineCausesNamesTheSystemAndItsCause() {
        Map<String, Object> offer = offerBody(newInsurer(), "DIGITAL", 1_000_000);
        offer.put("offerExpiresAt", Instant.now().plus(3, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).toString());
        // offered in real time: the deadline runs on the scheduler's (real) clock, and must come in three seconds
        String[] contract = new String[1];
        clock.inRealTime(() -> contract[0] = api.post("/api/contracts", offer).text("contractId"));
        String contractId = contract[0];

        await().untilAsserted(() -> assertThat(api.get("/api/contracts/" + contractId).text("status"))
                .isEqualTo("EXPIRED"));

        String meta = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%ContractOfferExpired'", String.class, contractId);
        assertThat(meta).contains("\"principal\":\"system\"", "\"role\":\"SYSTEM\"",
                "\"sourceSystem\":\"deadline-manager\"", "\"correlationId\":", "\"causationId\":");
    }
}
