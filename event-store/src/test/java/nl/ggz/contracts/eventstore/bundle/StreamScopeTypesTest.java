package nl.ggz.contracts.eventstore.bundle;

import nl.ggz.contracts.audit.StreamScope;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import nl.ggz.contracts.domain.privacy.PatientDataErased;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier decides a stream's scope by the stored type name of its first event; a renamed or moved event class
 * would make every stream undecided (in full in every bundle), so the names are held to the domain's classes here.
 */
class StreamScopeTypesTest {

    @Test
    void theFirstEventsTheScopeRuleKnowsAreTheDomainsClassesByStoredName() {
        assertThat(StreamScope.CONTRACT_OFFERED).isEqualTo(ContractOffered.class.getName());
        assertThat(StreamScope.CEILING_AGREED).isEqualTo(CeilingAgreed.class.getName());
        assertThat(StreamScope.POLICY_PUBLISHED).isEqualTo(PurchasingPolicyPublished.class.getName());
        assertThat(StreamScope.PATIENT_DATA_ERASED).isEqualTo(PatientDataErased.class.getName());
    }
}
