package nl.ggz.contracts.api;

import nl.ggz.contracts.eventstore.log.LogAppender;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, throughput: how long the appender takes to build the log over a large store it has never seen (the
 * back-fill), and what a checkpoint and proofs then cost. A measurement, run on demand only:
 * {@code -Dggz.measure.log-build=300000} (events). The store is generated in SQL: 2,000 streams of 10 insurers, each
 * stream's first event naming its insurer, so every event lands in the global log and in one insurer's log, as in the
 * application's own store. Prints the figures.
 */
@EnabledIfSystemProperty(named = "ggz.measure.log-build", matches = "\\d+")
@TestPropertySource(properties = "ggz.audit.log.enabled=false")
class LogBuildMeasurement extends ApplicationTest {

    @Autowired
    private LogAppender appender;

    @Autowired
    private VerifiableLog log;

    private boolean processorsCaughtUp() {
        String metrics = api.as(Api.Identity.operator()).getText("/actuator/prometheus", null).body();
        List<String> lags = metrics.lines().filter(line -> line.startsWith("ggz_projection_lag_events")).toList();
        return !lags.isEmpty() && lags.stream().allMatch(line -> Double.parseDouble(
                line.substring(line.lastIndexOf(' ') + 1)) == 0);
    }

    @Test
    void buildTheLogOverAGeneratedStore() {
        long events = Long.parseLong(System.getProperty("ggz.measure.log-build"));
        long start = System.nanoTime();
        jdbc.update("""
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                    payloadtype, payloadrevision, payload, metadata, previoushash, hash)
                SELECT 'm-' || i, 'm-' || (i % 2000), i / 2000, 'Generated', '2027-01-01T00:00:00Z',
                    'nl.ggz.measure.GeneratedEvent', NULL,
                    convert_to(CASE WHEN i < 2000 THEN '{"insurer":"' || (7000 + i % 10) || '"}'
                                    ELSE '{"declarationId":"' || i || '","amountCents":12345}' END, 'UTF8'),
                    convert_to('{}', 'UTF8'), NULL, sha256(int8send(i))
                FROM generate_series(0, ? - 1) AS i
                """, events);
        double generated = (System.nanoTime() - start) / 1e9;
        // at an upgrade the read models are caught up: let the tracking processors pass the generated events first,
        // so that the figure is the appender's, not theirs
        start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(this::processorsCaughtUp);
        double processors = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        long appended = appender.catchUp();
        double built = (System.nanoTime() - start) / 1e9;
        assertThat(appended).isEqualTo(eventCount());

        start = System.nanoTime();
        int reads = 100;
        for (int i = 0; i < reads; i++) {
            log.checkpoint(null);
            log.inclusion(1 + (i * 7919L) % events, appended, null);
            log.consistency(1 + (i * 104729L) % appended, appended, null);
        }
        double perAnswer = (System.nanoTime() - start) / 1e6 / (3 * reads);
        long rows = jdbc.queryForObject("SELECT (SELECT count(*) FROM audit_log_leaf) + "
                + "(SELECT count(*) FROM audit_log_node)", Long.class);
        System.out.printf("%nLOG BUILD: processors caught up in %.1f s first%n", processors);
        System.out.printf("%nLOG BUILD: %,d events generated in %.1f s; log built in %.1f s (%,.0f events/s; %,d leaf and "
                        + "node rows); checkpoint/inclusion/consistency %.2f ms per answer%n", appended, generated, built,
                appended / built, rows, perAnswer);
    }
}
