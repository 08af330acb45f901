package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.CanonicalJson;
import nl.ggz.contracts.audit.EventHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event is stored with the hash of its predecessor in its stream and its own hash over its content (V7). */
class EventHashChainTest extends ApplicationTest {

    @Test
    void everyEventWrittenCarriesAHashOfItsContentLinkedToThePreviousEventOfItsStream() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        for (int i = 0; i < 3; i++) {
            assertThat(declare(declaration("H-" + i + "-" + contractId, contractId, 1_000),
                    declaration("H-" + i + "-b-" + contractId, contractId, 2_000)).status()).isEqualTo(200);
        }

        assertThat(unbrokenChain(contractId)).isEqualTo(2);
        assertThat(unbrokenChain(ceilingOf(contractId))).isEqualTo(1 + 6);
    }

    @Test
    void theEventsOfACeilingWrittenByConcurrentBatchesFormOneUnbrokenChain() {
        String contractId = signedContract(newInsurer(), 1_000_000_000L);
        List<CompletableFuture<Api.Response>> batches = new ArrayList<>();
        for (int batch = 0; batch < 6; batch++) {
            List<Object> lines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                lines.add(declaration("C-" + batch + "-" + i + "-" + contractId, contractId, 100));
            }
            batches.add(CompletableFuture.supplyAsync(() -> declareAll(lines)));
        }
        batches.forEach(batch -> assertThat(batch.join().status()).isEqualTo(200));

        assertThat(unbrokenChain(ceilingOf(contractId))).isEqualTo(1 + 600);
    }

    /**
     * Checks the stored chain of one aggregate: sequence numbers 0, 1, 2, …, each event's previous hash is the hash of
     * the one before (zeros for the first), and each hash is the hash of the stored content. Answers the length.
     */
    private int unbrokenChain(String aggregateId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT type, aggregateidentifier, sequencenumber, eventidentifier, payloadtype, payloadrevision,
                    timestamp, payload, metadata, previoushash, hash
                FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber
                """, aggregateId);
        EventHash hashes = new EventHash();
        byte[] previous = EventHash.none();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            assertThat(((Number) row.get("sequencenumber")).longValue()).isEqualTo(i);
            assertThat((byte[]) row.get("previoushash")).as("previous hash of %s %d", aggregateId, i).isEqualTo(previous);
            byte[] expected = hashes.of(previous, (String) row.get("type"), aggregateId, i,
                    (String) row.get("eventidentifier"), (String) row.get("payloadtype"),
                    (String) row.get("payloadrevision"), (String) row.get("timestamp"),
                    CanonicalJson.ofStored((byte[]) row.get("payload")),
                    CanonicalJson.ofStored((byte[]) row.get("metadata")));
            assertThat((byte[]) row.get("hash")).as("hash of %s %d", aggregateId, i).isEqualTo(expected);
            previous = expected;
        }
        return rows.size();
    }
}
