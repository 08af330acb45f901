package nl.ggz.contracts.domain.ceiling;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §3: the hot ceiling aggregate is snapshotted with Jackson; a snapshot must restore the same state. */
class SnapshotRoundTripTest extends CeilingFixtureBase {

    private static final Instant AT = Instant.parse("2027-05-03T09:00:00Z");

    @Test
    void ceilingAgreementSnapshotRestoresTheSameState() throws Exception {
        AtomicReference<CeilingAgreement> state = new AtomicReference<>();
        given(agreed(), recorded("D-1", 1_200_000, 1_000_000, 200_000), threshold(70, 1_200_000, 1_000_000, "D-1"),
                threshold(100, 1_200_000, 1_000_000, "D-1"), exhausted(1_200_000, 1_000_000, "D-1"),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(300_000), "waiting lists", AT,
                        AT.plusSeconds(28L * 86_400)),
                new IncreaseRequested(CEILING_ID, "R-2", Money.cents(100_000), "more", AT,
                        AT.plusSeconds(28L * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(300_000), "A-1", AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(300_000), AT),
                new ContractAmendmentApplied(CEILING_ID, Set.of(new PrestatieCode("OV0012")), settings(3),
                        java.time.LocalDate.of(2027, 5, 1)))
                .when(new ApplyContractTermination(CEILING_ID, java.time.LocalDate.of(2027, 10, 31)))
                .expectState(state::set);

        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        String json = mapper.writeValueAsString(state.get());
        CeilingAgreement restored = mapper.readValue(json, CeilingAgreement.class);

        assertThat(restored).usingRecursiveComparison().isEqualTo(state.get());
        assertThat(json).contains("\"ceilingId\":\"c-1-2027\"");
    }
}
