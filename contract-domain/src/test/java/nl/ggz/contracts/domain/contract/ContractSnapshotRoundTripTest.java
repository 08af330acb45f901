package nl.ggz.contracts.domain.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §3: contracts are snapshotted with Jackson; a snapshot must restore the same state. */
class ContractSnapshotRoundTripTest {

    @Test
    void contractSnapshotRestoresTheSameState() throws Exception {
        Instant at = Instant.parse("2027-08-20T10:00:00Z");
        AggregateTestFixture<Contract> fixture = fixture(new FakePurchasingPolicies());
        AtomicReference<Contract> state = new AtomicReference<>();
        fixture.given(offeredToIndependent(), signedIndependent(),
                        new ContractAmended(CONTRACT_ID, Set.of(new PrestatieCode("CO0142")), settings(1), "quality",
                                at, List.of(CEILING_2027, CEILING_2028), LocalDate.of(2027, 8, 20), null),
                        new PatientStopAnnounced(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY,
                                LocalDate.of(2027, 9, 1), at))
                .when(new LiftPatientStop(CONTRACT_ID, "s-1", LocalDate.of(2027, 9, 30), at))
                .expectState(state::set);

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        Contract restored = mapper.readValue(mapper.writeValueAsString(state.get()), Contract.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(state.get());
    }
}
