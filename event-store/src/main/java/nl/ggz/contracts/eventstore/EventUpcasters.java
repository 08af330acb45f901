package nl.ggz.contracts.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.ContractAmendmentApplied;
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
 * event bumps its revision and adds its upcaster here, oldest change first — here rather than as a bean of its own,
 * so that the tests see exactly the chain the application runs.
 * <p>
 * Issue 14 (revision 1 → 2): tariffs per setting (the one {@code tariff} becomes the tariff of every setting of the
 * event), exclusions in the offer (none), the contract an offer renews (none), amendments with an effective date (null: from the start of the term), the
 * insurer's deadline to answer a quote (none for rounds before), and three new policy parameters (their defaults).
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    /** The upcasters in the order they apply. */
    public static List<EventUpcaster> inOrder() {
        return List.of(
                new RevisionTwoUpcaster(ContractOffered.class, offered -> {
                    tariffPerSetting(offered);
                    offered.putArray("excludedPrestatieCodes");
                    offered.putArray("excludedSettings");
                    offered.putNull("renewalOf");
                }),
                new RevisionTwoUpcaster(ContractProposalRevised.class, revised -> {
                    tariffPerSetting(revised);
                    revised.putNull("answerDueAt");
                }),
                new RevisionTwoUpcaster(ContractSigned.class, EventUpcasters::tariffPerSetting),
                new RevisionTwoUpcaster(CeilingAgreed.class, agreed -> {
                    agreed.putArray("excludedPrestatieCodes");
                    agreed.putArray("excludedSettings");
                }),
                new RevisionTwoUpcaster(ContractAmended.class, amended -> {
                    amended.putNull("effectiveDate");
                    amended.putNull("backdatingReason");
                }),
                new RevisionTwoUpcaster(ContractAmendmentApplied.class, applied -> applied.putNull("effectiveDate")),
                new RevisionTwoUpcaster(PurchasingPolicyPublished.class, EventUpcasters::newPolicyParameters),
                new RevisionTwoUpcaster(PurchasingPolicyAmended.class, EventUpcasters::newPolicyParameters));
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

    @Bean
    EventUpcasterChain storedEventUpcasters() {
        return new EventUpcasterChain(inOrder());
    }
}
