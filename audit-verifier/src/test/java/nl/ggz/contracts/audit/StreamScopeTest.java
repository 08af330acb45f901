package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's year rule read from a stream's first event, as bundle and verifier both apply it. */
class StreamScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aContractCoversEveryYearItsTermTouches() throws Exception {
        StreamScope scope = of(StreamScope.CONTRACT_OFFERED, "{\"insurer\":\"7095\",\"term\":{\"start\":\"2027-07-01\","
                + "\"end\":\"2028-12-31\"}}").orElseThrow();
        assertThat(scope).isEqualTo(new StreamScope("7095", 2027, 2028));
        assertThat(scope.covers(2026)).isFalse();
        assertThat(scope.covers(2027)).isTrue();
        assertThat(scope.covers(2028)).isTrue();
        assertThat(scope.covers(2029)).isFalse();
    }

    @Test
    void aCeilingCoversItsYearAndAPolicyItsContractYear() throws Exception {
        assertThat(of(StreamScope.CEILING_AGREED, "{\"insurer\":\"7095\",\"year\":2027}"))
                .contains(new StreamScope("7095", 2027, 2027));
        assertThat(of(StreamScope.POLICY_PUBLISHED, "{\"insurer\":\"3311\",\"contractYear\":2026}"))
                .contains(new StreamScope("3311", 2026, 2026));
    }

    @Test
    void anErasureIsInNoYear() throws Exception {
        StreamScope scope = of(StreamScope.PATIENT_DATA_ERASED, "{\"insurer\":\"7095\"}").orElseThrow();
        assertThat(scope.covers(2027)).isFalse();
        assertThat(scope.years()).isEqualTo("no year");
    }

    @Test
    void anyOtherFirstEventOrOneWithoutInsurerOrYearDecidesNothing() throws Exception {
        assertThat(of("nl.ggz.contracts.domain.contract.ContractSigned", "{\"insurer\":\"7095\"}")).isEmpty();
        assertThat(of(StreamScope.CEILING_AGREED, "{\"insurer\":\"7095\"}")).isEmpty();
        assertThat(of(StreamScope.CEILING_AGREED, "{\"insurer\":\"70\",\"year\":2027}")).isEmpty();
        assertThat(of(StreamScope.CONTRACT_OFFERED, "{\"insurer\":\"7095\",\"term\":{\"start\":\"x\"}}")).isEmpty();
    }

    private static Optional<StreamScope> of(String type, String payload) throws Exception {
        JsonNode node = JSON.readTree(payload);
        return StreamScope.of(type, node);
    }
}
