package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static nl.ggz.contracts.domain.contract.ContractTestData.*;
import static org.hamcrest.Matchers.containsString;

/** Seed 003 (NZa monitor 2022): insurers should know when and why their providers stop taking patients. */
class PatientStopTest {

    private static final Instant AT = Instant.parse("2027-08-20T10:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2027, 9, 1);

    private AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakePurchasingPolicies());
    }

    private PatientStopAnnounced announced(String stopId, PatientStopReason reason, LocalDate from) {
        return new PatientStopAnnounced(CONTRACT_ID, stopId, reason, from, AT);
    }

    @Test
    void providerAnnouncesAPatientStopFromADateInsideTheTerm() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-1", PatientStopReason.CEILING_REACHED, FROM, AT))
                .expectEvents(announced("s-1", PatientStopReason.CEILING_REACHED, FROM));
    }

    @Test
    void patientStopFromOutsideTheTermIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY,
                        LocalDate.of(2028, 1, 1), AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void patientStopOnAnUnsignedOfferIsAStateConflict() {
        fixture.given(offeredToInstitution())
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY, FROM, AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void patientStopWithoutReasonIsRefused() {
        fixture.given(offeredToInstitution(), signedInstitution())
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-1", null, FROM, AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void onlyOnePatientStopIsOpenAtATime() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM))
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-2", PatientStopReason.CEILING_REACHED,
                        FROM.plusDays(10), AT))
                .expectException(StateConflictException.class)
                .expectExceptionMessage(containsString("lift it"))
                .expectNoEvents();
    }

    @Test
    void aNewPatientStopMayFollowALiftedOne() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM),
                        new PatientStopLifted(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY, FROM,
                                LocalDate.of(2027, 9, 30), AT))
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-2", PatientStopReason.CEILING_REACHED,
                        LocalDate.of(2027, 11, 1), AT))
                .expectEvents(announced("s-2", PatientStopReason.CEILING_REACHED, LocalDate.of(2027, 11, 1)));
    }

    @Test
    void reusingAStopIdIsAStateConflict() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM),
                        new PatientStopLifted(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY, FROM,
                                LocalDate.of(2027, 9, 30), AT))
                .when(new AnnouncePatientStop(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY,
                        LocalDate.of(2027, 11, 1), AT))
                .expectException(StateConflictException.class);
    }

    @Test
    void liftingAPatientStopCarriesItsReasonAndStart() {
        LocalDate to = LocalDate.of(2027, 10, 15);
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CEILING_REACHED, FROM))
                .when(new LiftPatientStop(CONTRACT_ID, "s-1", to, AT))
                .expectEvents(new PatientStopLifted(CONTRACT_ID, "s-1", PatientStopReason.CEILING_REACHED, FROM, to,
                        AT));
    }

    @Test
    void patientStopMayBeLiftedOnItsFirstDay() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM))
                .when(new LiftPatientStop(CONTRACT_ID, "s-1", FROM, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void liftingAnUnknownPatientStopIsAnUnknownReference() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM))
                .when(new LiftPatientStop(CONTRACT_ID, "s-9", LocalDate.of(2027, 10, 15), AT))
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void patientStopCannotEndBeforeItBegan() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM))
                .when(new LiftPatientStop(CONTRACT_ID, "s-1", FROM.minusDays(1), AT))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void liftingAPatientStopTwiceIsAStateConflict() {
        fixture.given(offeredToInstitution(), signedInstitution(),
                        announced("s-1", PatientStopReason.CAPACITY, FROM),
                        new PatientStopLifted(CONTRACT_ID, "s-1", PatientStopReason.CAPACITY, FROM,
                                LocalDate.of(2027, 9, 30), AT))
                .when(new LiftPatientStop(CONTRACT_ID, "s-1", LocalDate.of(2027, 10, 15), AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }
}
