package nl.ggz.contracts.writestore.policy;

import nl.ggz.contracts.domain.policy.IncreaseRegime;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicyAmended;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.writestore.WriteStoreDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The purchasing policy in force per insurer and contract year, as command handlers read it (DESIGN.md §5). */
class PostgresPurchasingPoliciesTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();
    private static final InsurerCode VGZ = new InsurerCode("3311");

    private final PostgresPurchasingPolicies policies = new PostgresPurchasingPolicies(DB.jdbc());

    @BeforeEach
    void empty() {
        DB.empty(policies);
    }

    @Test
    void anInsurerThatPublishedNothingHasTheDefaults() {
        PolicyView view = policies.find(new FindPolicy(VGZ, 2027));

        assertThat(view.published()).isFalse();
        assertThat(view.version()).isZero();
        assertThat(view.parameters()).isEqualTo(PolicyParameters.defaults(2027));
        assertThat(policies.inForce(VGZ, 2027)).isEqualTo(PolicyParameters.defaults(2027));
    }

    @Test
    void aPublishedPolicyIsInForceForItsInsurerAndYearOnly() {
        PolicyParameters own = new PolicyParameters(List.of(100, 60, 80), 30,
                Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-06-30T15:00:00Z"), 20, 30,
                Map.of(ProviderType.INDEPENDENT, 1));

        DB.handle(policies, new PurchasingPolicyPublished("P-1", VGZ, 2027, own));

        PolicyView view = policies.find(new FindPolicy(VGZ, 2027));
        assertThat(view.published()).isTrue();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.parameters()).isEqualTo(own);
        assertThat(view.parameters().thresholdPercents()).containsExactly(60, 80, 100);
        assertThat(view.parameters().termYearsFor(ProviderType.INDEPENDENT)).isEqualTo(1);
        assertThat(policies.inForce(VGZ, 2027)).isEqualTo(own);
        assertThat(policies.inForce(VGZ, 2028)).isEqualTo(PolicyParameters.defaults(2028));
        assertThat(policies.inForce(new InsurerCode("7095"), 2027)).isEqualTo(PolicyParameters.defaults(2027));
    }

    @Test
    void anAmendmentReplacesThePolicyAndCountsAVersion() {
        PolicyParameters published = PolicyParameters.defaults(2027);
        PolicyParameters amended = new PolicyParameters(List.of(70, 90, 100), 40, published.increaseWindowStart(),
                published.increaseWindowEnd(), 35, 42, Map.of());

        DB.handle(policies, new PurchasingPolicyPublished("P-1", VGZ, 2027, published));
        DB.handle(policies, new PurchasingPolicyAmended("P-1", VGZ, 2027, amended));

        PolicyView view = policies.find(new FindPolicy(VGZ, 2027));
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.parameters()).isEqualTo(amended);
        assertThat(DB.jdbc().queryForObject("SELECT count(*) FROM purchasing_policy", Long.class)).isEqualTo(1);
    }

    @Test
    void decisionPeriodsPerKindTheFixedDecisionDayTheRegimeAndTheCutOffAreKept() {
        // seed 001: P28D digital, P1M negotiated; seed 002 §6.3: supplementary contracting, decided by 31 March
        PolicyParameters zz = PolicyParameters.supplementaryContracting(2027).withIncreaseCapPercent(25)
                .withDecisionPeriods(Map.of(ContractKind.DIGITAL, Period.ofWeeks(6)))
                .withClaimsCutOff(Period.ofMonths(6));

        DB.handle(policies, new PurchasingPolicyPublished("P-1", VGZ, 2027, zz));

        PolicyParameters read = policies.inForce(VGZ, 2027);
        assertThat(read).isEqualTo(zz);
        assertThat(read.increaseRegime()).isEqualTo(IncreaseRegime.SUPPLEMENTARY_CONTRACTING);
        assertThat(read.decisionPeriodFor(ContractKind.NEGOTIATED)).isEqualTo(Period.ofMonths(1));
        assertThat(read.decisionDueBy()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(read.claimsCutOff()).isEqualTo(Period.ofMonths(6));
    }
}
