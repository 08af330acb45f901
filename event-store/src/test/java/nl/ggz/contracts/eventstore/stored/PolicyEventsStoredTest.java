package nl.ggz.contracts.eventstore.stored;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicyAmended;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The purchasing policy's events as the application stored them: before events carried a revision, as revision 2
 * (issue 14), and now as revision 3 (issue 15). An old row passes both upcasters, 1 → 2 → 3.
 */
class PolicyEventsStoredTest extends StoredEventTest {

    @Test
    void purchasingPolicyPublishedStoredWithoutRevisionLoadsWithTheNewParametersDefaults() {
        String stored = """
                {"policyId":"3311-2027","insurer":"3311","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,100],"increaseCapPercent":50,"increaseWindowStart":"2027-03-31T22:00:00Z",\
                "increaseWindowEnd":"2027-07-31T15:00:00Z","decisionPeriodDays":28,"offerValidityDays":42,\
                "termYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1}}}""";
        // issue 14's parameters get their defaults: longest term = term, independents setting 1, six weeks;
        // issue 15: the one 28 days held for both kinds, so they become P28D for digital and negotiated alike
        PurchasingPolicyPublished event = new PurchasingPolicyPublished("3311-2027", new InsurerCode("3311"), 2027,
                PolicyParameters.defaults(2027).withDecisionPeriods(
                        PolicyParameters.sameForEveryKind(Period.ofDays(28))));

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void purchasingPolicyPublishedStoredAsRevision2LoadsWithItsValues() {
        String stored = """
                {"policyId":"3311-2027","insurer":"3311","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,100],"increaseCapPercent":50,"increaseWindowStart":"2027-03-31T22:00:00Z",\
                "increaseWindowEnd":"2027-07-31T15:00:00Z","decisionPeriodDays":28,"offerValidityDays":42,\
                "termYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "maxTermYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":3},\
                "settingsByProviderType":{"INDEPENDENT":[1],"INSTITUTION":[2,3,4,5]},"quoteResponseDays":30}}""";
        PolicyParameters d = PolicyParameters.defaults(2027);
        // issue 15: revision 2's one decision period (28 days) for both kinds, the window regime, no fixed day or cut-off
        PurchasingPolicyPublished event = new PurchasingPolicyPublished("3311-2027", new InsurerCode("3311"), 2027,
                new PolicyParameters(d.thresholdPercents(), d.increaseCapPercent(), d.increaseWindowStart(),
                        d.increaseWindowEnd(), 28, d.offerValidityDays(), d.termYears(),
                        Map.of(ProviderType.INSTITUTION, 3),
                        Map.of(ProviderType.INDEPENDENT, Set.of(new Setting(1)), ProviderType.INSTITUTION,
                                Set.of(new Setting(2), new Setting(3), new Setting(4), new Setting(5))), 30));

        assertLoads(stored, "2", event);
    }

    @Test
    void purchasingPolicyPublishedStoredAsRevision3LoadsWithItsValues() {
        String stored = """
                {"policyId":"3313-2027","insurer":"3313","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,100],"increaseCapPercent":25,"increaseWindowStart":"2026-12-31T23:00:00Z",\
                "increaseWindowEnd":"2027-10-01T22:00:00Z","offerValidityDays":42,\
                "termYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "maxTermYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "settingsByProviderType":{"INDEPENDENT":[1]},"quoteResponseDays":42,\
                "increaseRegime":"SUPPLEMENTARY_CONTRACTING","decisionPeriods":{"DIGITAL":"P28D","NEGOTIATED":"P1M"},\
                "decisionDueBy":"2028-03-31","claimsCutOff":"P6M"}}""";
        PurchasingPolicyPublished event = new PurchasingPolicyPublished("3313-2027", new InsurerCode("3313"), 2027,
                PolicyParameters.supplementaryContracting(2027).withIncreaseCapPercent(25)
                        .withClaimsCutOff(Period.ofMonths(6)));

        assertLoads(stored, "3", event);
        assertWritten(event, "3", stored);
    }

    @Test
    void purchasingPolicyAmendedStoredWithoutRevisionLoadsWithTheNewParametersDefaults() {
        String stored = """
                {"policyId":"3311-2027","insurer":"3311","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,90,100],"increaseCapPercent":40,"increaseWindowStart":"2027-03-31T22:00:00Z",\
                "increaseWindowEnd":"2027-07-31T15:00:00Z","decisionPeriodDays":30,"offerValidityDays":42,\
                "termYears":{"INDEPENDENT":1,"HOSPITAL_WARD":1,"INSTITUTION":1}}}""";
        PurchasingPolicyAmended event = new PurchasingPolicyAmended("3311-2027", new InsurerCode("3311"), 2027,
                new PolicyParameters(List.of(70, 90, 100), 40, Instant.parse("2027-03-31T22:00:00Z"),
                        Instant.parse("2027-07-31T15:00:00Z"), 30, 42, Map.of(ProviderType.INDEPENDENT, 1)));

        assertLoads(stored, NO_REVISION, event);
        assertLoads(stored, "1", event);
    }

    @Test
    void purchasingPolicyAmendedStoredAsRevision2LoadsWithOneDecisionPeriodForBothKinds() {
        String stored = """
                {"policyId":"3311-2027","insurer":"3311","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,90,100],"increaseCapPercent":40,"increaseWindowStart":"2027-03-31T22:00:00Z",\
                "increaseWindowEnd":"2027-07-31T15:00:00Z","decisionPeriodDays":30,"offerValidityDays":42,\
                "termYears":{"INDEPENDENT":1,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "maxTermYears":{"INDEPENDENT":1,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "settingsByProviderType":{"INDEPENDENT":[1]},"quoteResponseDays":42}}""";
        PurchasingPolicyAmended event = new PurchasingPolicyAmended("3311-2027", new InsurerCode("3311"), 2027,
                new PolicyParameters(List.of(70, 90, 100), 40, Instant.parse("2027-03-31T22:00:00Z"),
                        Instant.parse("2027-07-31T15:00:00Z"), 30, 42, Map.of(ProviderType.INDEPENDENT, 1)));

        assertLoads(stored, "2", event);
    }

    @Test
    void purchasingPolicyAmendedStoredAsRevision3LoadsWithItsValues() {
        String stored = """
                {"policyId":"7095-2027","insurer":"7095","contractYear":2027,"parameters":{\
                "thresholdPercents":[70,100],"increaseCapPercent":50,"increaseWindowStart":"2027-03-31T22:00:00Z",\
                "increaseWindowEnd":"2027-07-31T15:00:00Z","offerValidityDays":42,\
                "termYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "maxTermYears":{"INDEPENDENT":2,"HOSPITAL_WARD":1,"INSTITUTION":1},\
                "settingsByProviderType":{"INDEPENDENT":[1]},"quoteResponseDays":42,"increaseRegime":"WINDOW",\
                "decisionPeriods":{"DIGITAL":"P28D","NEGOTIATED":"P1M"},"decisionDueBy":"2027-08-28",\
                "claimsCutOff":null}}""";
        PurchasingPolicyAmended event = new PurchasingPolicyAmended("7095-2027", new InsurerCode("7095"), 2027,
                PolicyParameters.defaults(2027).withDecisionDueBy(LocalDate.of(2027, 8, 28)));

        assertLoads(stored, "3", event);
        assertWritten(event, "3", stored);
    }
}
