package nl.ggz.contracts.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ContractAmendmentApplied;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.policy.PurchasingPolicyAmended;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Where a stored event of an older revision is rewritten to the current shape before it is deserialised. Axon's
 * configuration takes this chain ({@code configuration.upcasterChain()}) into the storage engine and the history
 * replay; the tests of stored events run the same list (README "Events").
 * <p>
 * Events stored before events carried a revision (payload revision null) have revision 1's shape. Each change of an
 * event bumps its revision and adds its {@link RevisionUpcaster} here, oldest change first, so that a row of any older
 * revision passes every step up to the current one — here rather than as a bean of its own, so that the tests see
 * exactly the chain the application runs.
 * <p>
 * Issue 14 (revision 1 → 2): tariffs per setting (the one {@code tariff} becomes the tariff of every setting of the
 * event), exclusions in the offer (none), the contract an offer renews (none), amendments with an effective date (null: from the start of the term), the
 * insurer's deadline to answer a quote (none for rounds before), and three new policy parameters (their defaults).
 * <p>
 * Issue 15: decision periods per contract kind, the increase regime, a fixed decision day and the claims cut-off in
 * the policy (revision 2 → 3); criteria of a request and reasons of a rejection (none before), and what a claw-back
 * reclaimed of what was paid (revision 1 → 2).
 * <p>
 * Issue 16: a declaration's pseudonym is sealed (revision 1 → 2); one stored before held it in plain text, and keeps
 * it (the chain cannot be rewritten): it is read as a legacy plain value, never as sealed.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    /** The upcasters in the order they apply. */
    public static List<EventUpcaster> inOrder() {
        return List.of(
                // issue 14
                new RevisionUpcaster(ContractOffered.class, "2", offered -> {
                    tariffPerSetting(offered);
                    offered.putArray("excludedPrestatieCodes");
                    offered.putArray("excludedSettings");
                    offered.putNull("renewalOf");
                }),
                new RevisionUpcaster(ContractProposalRevised.class, "2", revised -> {
                    tariffPerSetting(revised);
                    revised.putNull("answerDueAt");
                }),
                new RevisionUpcaster(ContractSigned.class, "2", EventUpcasters::tariffPerSetting),
                new RevisionUpcaster(CeilingAgreed.class, "2", agreed -> {
                    agreed.putArray("excludedPrestatieCodes");
                    agreed.putArray("excludedSettings");
                }),
                new RevisionUpcaster(ContractAmended.class, "2", amended -> {
                    amended.putNull("effectiveDate");
                    amended.putNull("backdatingReason");
                }),
                new RevisionUpcaster(ContractAmendmentApplied.class, "2", applied -> applied.putNull("effectiveDate")),
                new RevisionUpcaster(PurchasingPolicyPublished.class, "2", EventUpcasters::newPolicyParameters),
                new RevisionUpcaster(PurchasingPolicyAmended.class, "2", EventUpcasters::newPolicyParameters),
                // issue 15
                new RevisionUpcaster(PurchasingPolicyPublished.class, "3", EventUpcasters::policyDecisionRules),
                new RevisionUpcaster(PurchasingPolicyAmended.class, "3", EventUpcasters::policyDecisionRules),
                new RevisionUpcaster(IncreaseRequested.class, "2", requested -> requested.putArray("criteria")),
                new RevisionUpcaster(IncreaseRejected.class, "2", rejected -> rejected.putArray("reasons")),
                // a claw-back stored before was answered as reclaimed in full, before any settlement: it keeps that
                new RevisionUpcaster(ClawBackIssued.class, "2", clawBack -> {
                    clawBack.set("payableReduction", clawBack.get("amount").deepCopy());
                    clawBack.put("unpaidReduction", 0L);
                    clawBack.put("afterSettlement", false);
                }),
                // issue 16
                new RevisionUpcaster(DeclarationRecorded.class, "2", recorded -> {
                    JsonNode plain = recorded.remove("patientRef");
                    ObjectNode patient = recorded.putObject("patient");
                    if (plain != null && !plain.isNull()) {
                        patient.set("legacyPlain", plain);
                    }
                }));
    }

    /** {@code "tariff": 92.50, "settings": [2, 3]} becomes {@code "tariffs": {"2": 92.50, "3": 92.50}}. */
    private static void tariffPerSetting(ObjectNode event) {
        JsonNode tariff = event.remove("tariff");
        ObjectNode tariffs = event.putObject("tariffs");
        for (JsonNode setting : event.path("settings")) {
            tariffs.set(setting.asText(), tariff.deepCopy());
        }
    }

    /**
     * The defaults of the parameters added by issue 14: the longest term is the term of each provider type (no
     * multi-year terms unless published), independents only setting 1 (seed 001), six weeks to answer a quote
     * (seed 002 §6.3).
     */
    private static void newPolicyParameters(ObjectNode event) {
        ObjectNode parameters = (ObjectNode) event.get("parameters");
        parameters.set("maxTermYears", parameters.get("termYears").deepCopy());
        ArrayNode independents = parameters.putObject("settingsByProviderType").putArray("INDEPENDENT");
        independents.add(1);
        parameters.put("quoteResponseDays", 42);
    }

    /**
     * Revision 2's one {@code decisionPeriodDays} held for every contract kind: it becomes that period for each kind,
     * under the window regime, with no fixed decision day and no claims cut-off — the rules the policy was applied by.
     */
    private static void policyDecisionRules(ObjectNode event) {
        ObjectNode parameters = (ObjectNode) event.get("parameters");
        String period = "P" + parameters.remove("decisionPeriodDays").asInt() + "D";
        parameters.put("increaseRegime", "WINDOW");
        ObjectNode periods = parameters.putObject("decisionPeriods");
        periods.put("DIGITAL", period);
        periods.put("NEGOTIATED", period);
        parameters.putNull("decisionDueBy");
        parameters.putNull("claimsCutOff");
    }

    @Bean
    EventUpcasterChain storedEventUpcasters() {
        return new EventUpcasterChain(inOrder());
    }
}
