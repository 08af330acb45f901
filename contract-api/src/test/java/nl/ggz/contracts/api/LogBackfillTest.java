package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.LogHash;
import nl.ggz.contracts.audit.LogRoot;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.log.LogAppender;
import nl.ggz.contracts.eventstore.log.LogProperties;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18, back-fill: a store written before the log existed (here: the appender's thread off, so its tables stay
 * empty while events are written) gets, once the appender runs, exactly one leaf per event, in global order, leaf
 * indexes 0… without a gap — and running it again, or after a restart (a new appender, nothing in memory) with a batch
 * size that splits the work, appends only what is new; two appenders at once (two nodes) still give one leaf per
 * event.
 */
@TestPropertySource(properties = "ggz.audit.log.enabled=false")
class LogBackfillTest extends ApplicationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private CommittedHorizon horizon;

    @Autowired
    private LogAppender appender;

    @Autowired
    private LogProperties settings;

    @Autowired
    private VerifiableLog log;

    @Test
    void aStoreWrittenBeforeTheLogGetsExactlyOneLeafPerEventInOrderOnce() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 1_000_000);
        for (int i = 1; i <= 3; i++) {
            assertThat(declare(declaration("B-" + i + "-" + contractId, contractId, 1_000 + i)).status())
                    .isEqualTo(200);
        }
        long events = eventCount();
        assertThat(events).isGreaterThan(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_leaf", Long.class)).isZero();

        assertThat(appender.catchUp()).isEqualTo(events);
        assertThat(appender.catchUp()).isZero();
        assertLeavesAreTheStoreInOrder();

        // a restart: more events, then a new appender (nothing in memory) in small batches
        String second = signedContract(insurer, 2_000_000);
        LogAppender restarted = new LogAppender(dataSource, horizon, new LogProperties(false, settings.origin(),
                Duration.ofMillis(100), 3));
        assertThat(restarted.catchUp()).isEqualTo(eventCount() - events);
        assertThat(restarted.catchUp()).isZero();
        assertLeavesAreTheStoreInOrder();
        assertThat(log.head(null).root()).isEqualTo(rootOf(leafHashesOfTheStore()));

        // two nodes at once: one appends at a time, and what both did is still one leaf per event, in order
        signedContract(newInsurer(), 1_000_000);
        signedContract(newInsurer(), 1_000_000);
        LogAppender one = new LogAppender(dataSource, horizon, new LogProperties(false, settings.origin(),
                Duration.ofMillis(100), 2));
        LogAppender other = new LogAppender(dataSource, horizon, new LogProperties(false, settings.origin(),
                Duration.ofMillis(100), 2));
        long before = log.size(null);
        CompletableFuture<Long> byOne = CompletableFuture.supplyAsync(one::catchUp);
        CompletableFuture<Long> byOther = CompletableFuture.supplyAsync(other::catchUp);
        long together = byOne.join() + byOther.join() + one.catchUp() + other.catchUp();
        assertThat(before + together).isEqualTo(eventCount());
        assertLeavesAreTheStoreInOrder();
        assertThat(log.head(null).root()).isEqualTo(rootOf(leafHashesOfTheStore()));

        List<Long> insurerLeaves = jdbc.queryForList("SELECT position FROM audit_log_leaf WHERE log = ? ORDER BY "
                + "leaf_index", Long.class, insurer);
        assertThat(insurerLeaves).isEqualTo(jdbc.queryForList("SELECT globalindex FROM domainevententry WHERE "
                + "aggregateidentifier IN (?, ?, ?, ?) ORDER BY globalindex", Long.class, contractId,
                ceilingOf(contractId), second, ceilingOf(second)));
    }

    private void assertLeavesAreTheStoreInOrder() {
        List<Map<String, Object>> leaves = jdbc.queryForList("SELECT leaf_index, position FROM audit_log_leaf WHERE "
                + "log = 'global' ORDER BY leaf_index");
        List<Long> positions = jdbc.queryForList("SELECT globalindex FROM domainevententry ORDER BY globalindex",
                Long.class);
        assertThat(leaves.stream().map(row -> ((Number) row.get("leaf_index")).longValue()).toList())
                .isEqualTo(LongStream.range(0, positions.size()).boxed().toList());
        assertThat(leaves.stream().map(row -> ((Number) row.get("position")).longValue()).toList())
                .isEqualTo(positions);
        assertThat(log.size(null)).isEqualTo(positions.size());
    }

    private List<byte[]> leafHashesOfTheStore() {
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] hash : jdbc.queryForList("SELECT hash FROM domainevententry ORDER BY globalindex", byte[].class)) {
            hashes.add(LogHash.leaf(hash));
        }
        return hashes;
    }

    /** The root the regulator's verifier computes over these leaf hashes (audit-verifier, RFC 9162 §2.1.1). */
    private static byte[] rootOf(List<byte[]> leafHashes) {
        LogRoot root = new LogRoot(1024);
        leafHashes.forEach(root::appendLeafHash);
        return root.root();
    }
}
