package nl.ggz.contracts.domain.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Seed 000: the purchasing policy is published (1 April) and may be amended; each version is kept as an event. */
class PurchasingPolicyTest {

    private static final InsurerCode INSURER = new InsurerCode("3311");
    private static final String POLICY_ID = PublishPurchasingPolicy.policyIdOf(INSURER, 2027);

    private AggregateTestFixture<PurchasingPolicy> fixture;
    private final PolicyParameters defaults = PolicyParameters.defaults(2027);
    private final PolicyParameters stricter = new PolicyParameters(List.of(60, 80, 100), 30,
            defaults.increaseWindowStart(), defaults.increaseWindowEnd(), 30, 42, null);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PurchasingPolicy.class);
    }

    @Test
    void policyIdIsInsurerAndYear() {
        org.assertj.core.api.Assertions.assertThat(POLICY_ID).isEqualTo("3311-2027");
    }

    @Test
    void firstPublicationIsRecordedAsPublished() {
        fixture.givenNoPriorActivity()
                .when(new PublishPurchasingPolicy(POLICY_ID, INSURER, 2027, defaults))
                .expectEvents(new PurchasingPolicyPublished(POLICY_ID, INSURER, 2027, defaults));
    }

    @Test
    void publishingDifferentParametersAgainIsRecordedAsAnAmendment() {
        fixture.given(new PurchasingPolicyPublished(POLICY_ID, INSURER, 2027, defaults))
                .when(new PublishPurchasingPolicy(POLICY_ID, INSURER, 2027, stricter))
                .expectEvents(new PurchasingPolicyAmended(POLICY_ID, INSURER, 2027, stricter));
    }

    @Test
    void republishingIdenticalParametersEmitsNothing() {
        fixture.given(new PurchasingPolicyPublished(POLICY_ID, INSURER, 2027, defaults),
                        new PurchasingPolicyAmended(POLICY_ID, INSURER, 2027, stricter))
                .when(new PublishPurchasingPolicy(POLICY_ID, INSURER, 2027, stricter))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void republishingTheSameThresholdsInAnotherOrderEmitsNothing() {
        PolicyParameters reordered = new PolicyParameters(List.of(100, 60, 80), 30,
                defaults.increaseWindowStart(), defaults.increaseWindowEnd(), 30, 42, null);
        fixture.given(new PurchasingPolicyPublished(POLICY_ID, INSURER, 2027, stricter))
                .when(new PublishPurchasingPolicy(POLICY_ID, INSURER, 2027, reordered))
                .expectNoEvents();
    }

    @Test
    void revertingAnAmendmentIsItselfAnAmendment() {
        fixture.given(new PurchasingPolicyPublished(POLICY_ID, INSURER, 2027, defaults),
                        new PurchasingPolicyAmended(POLICY_ID, INSURER, 2027, stricter))
                .when(new PublishPurchasingPolicy(POLICY_ID, INSURER, 2027, defaults))
                .expectEvents(new PurchasingPolicyAmended(POLICY_ID, INSURER, 2027, defaults));
    }

    @Test
    void contractYearOutsideTwoThousandToTwentyOneHundredIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new PublishPurchasingPolicy("3311-1999", INSURER, 1999, defaults))
                .expectException(InvalidValueException.class)
                .expectNoEvents();
    }
}
