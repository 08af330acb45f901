package nl.ggz.contracts.domain.ceiling;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A termination reaches a ceiling as its last day of care. */
class ContractTerminationTest extends CeilingFixtureBase {

    @Test
    void careInALaterYearOfATerminatedContractIsRefused() {
        // the 2028 ceiling of a contract terminated on 30 June 2027 accepts no care at all
        Instant received = Instant.parse("2028-03-01T10:00:00Z");
        CeilingAgreed agreed2028 = new CeilingAgreed(CEILING_ID, CONTRACT_ID, INSURER, PROVIDER,
                agreed().providerType(), agreed().kind(), 2028, LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31),
                INITIAL, settings(2, 3), java.util.Set.of(), java.util.Set.of());
        given(agreed2028)
                .when(new ApplyContractTermination(CEILING_ID, LocalDate.of(2027, 6, 30)))
                .expectEvents(new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 6, 30)));
        fixture.given(agreed2028, new ContractTerminationApplied(CEILING_ID, LocalDate.of(2027, 6, 30)))
                .when(new RecordDeclarations(CEILING_ID,
                        List.of(line("D-1", LocalDate.of(2028, 1, 15), 2, PRESTATIE, PATIENT, 10_000)), received))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> assertThat(r).singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                    assertThat(o.reason()).contains("terminated");
                })));
    }
}
