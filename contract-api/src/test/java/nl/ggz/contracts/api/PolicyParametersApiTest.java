package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api.Identity;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.Problem;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: a policy's new parameters (the longest term, the settings per provider type, the period to answer a
 * quote) over HTTP, and policies are strict — a misspelt field or provider type is refused naming it, never ignored
 * with the default left in force in silence.
 */
class PolicyParametersApiTest extends ApplicationTest {

    @Test
    void thePolicyInForceShowsTheDefaultsOfTheSeedsWhereNoneWasPublished_seed001_seed002() {
        JsonNode policy = policy(newInsurer());
        assertThat(policy.path("published").asBoolean()).isFalse();
        assertThat(policy.path("maxTermYears")).isEqualTo(json(Map.of("INDEPENDENT", 2, "INSTITUTION", 1,
                "HOSPITAL_WARD", 1)));
        // seed 001: independents only setting 1; the other types every setting (not listed)
        assertThat(policy.path("settingsByProviderType")).isEqualTo(json(Map.of("INDEPENDENT", List.of(1))));
        // seed 002 §6.3: the insurer answers a quote within six weeks
        assertThat(policy.path("quoteResponseDays").asInt()).isEqualTo(42);
    }

    @Test
    void aPublishedPolicySetsTheNewParametersAndTheTypesItDoesNotNameKeepTheirDefaults_seed002_5_1() {
        String insurer = newInsurer();
        Api.Response published = api.put("/api/policies/" + insurer + "/" + YEAR, Map.of(
                "maxTermYears", Map.of("INSTITUTION", 3),
                "settingsByProviderType", Map.of("INDEPENDENT", List.of(2), "HOSPITAL_WARD", List.of(5, 3)),
                "quoteResponseDays", 30));
        assertThat(published.status()).as(published.raw()).isEqualTo(200);

        JsonNode policy = policy(insurer);
        assertThat(policy.path("published").asBoolean()).isTrue();
        assertThat(policy.path("maxTermYears")).isEqualTo(json(Map.of("INDEPENDENT", 2, "INSTITUTION", 3,
                "HOSPITAL_WARD", 1)));
        assertThat(policy.path("settingsByProviderType")).isEqualTo(json(Map.of("INDEPENDENT", List.of(2),
                "HOSPITAL_WARD", List.of(3, 5))));
        assertThat(policy.path("quoteResponseDays").asInt()).isEqualTo(30);
        assertThat(published.body()).isEqualTo(policy);

        // a provider type left out keeps its default: independents setting 1, unless named
        Api.Response other = api.put("/api/policies/" + insurer + "/" + (YEAR + 1),
                Map.of("settingsByProviderType", Map.of("INSTITUTION", List.of(2, 3))));
        assertThat(other.body().path("settingsByProviderType")).isEqualTo(json(Map.of("INDEPENDENT", List.of(1),
                "INSTITUTION", List.of(2, 3))));
    }

    @Test
    void theInsurerAnswersAProvidersQuoteWithinThePolicysPeriod_seed002_6_3() {
        String insurer = newInsurer();
        String provider = newProvider();
        assertThat(api.put("/api/policies/" + insurer + "/" + YEAR, Map.of("quoteResponseDays", 10)).status())
                .isEqualTo(200);
        Map<String, Object> body = offerBody(insurer, "NEGOTIATED", 1_000_000);
        body.put("providerAgb", provider);
        String contractId = api.post("/api/contracts", body).text("contractId");
        Instant before = now();
        Contract proposed = api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 1_200_000)).as(Contract.class);
        Instant due = before.atZone(DomainTime.AMSTERDAM).plusDays(10).toInstant();
        assertThat(proposed.proposalAnswerDueAt()).isBetween(due.minusSeconds(1), due.plus(Duration.ofMinutes(1)));
        assertThat(proposed.proposalAnswerOverdue()).isFalse();
    }

    @Test
    void anUnknownFieldOfAPolicyIs400NamingItAndNothingIsStored() {
        String insurer = newInsurer();
        long before = eventCount();
        // a misspelt field: refused, not ignored with the default left in force
        assertRefused(insurer, "{\"maxTermYear\":{\"INSTITUTION\":3}}", "unknown field 'maxTermYear'");
        assertRefused(insurer, "{\"quoteResponseDay\":30}", "unknown field 'quoteResponseDay'");
        assertRefused(insurer, "{\"settingByProviderType\":{\"INDEPENDENT\":[1]}}",
                "unknown field 'settingByProviderType'");
        // a misspelt provider type inside a map
        assertRefused(insurer, "{\"settingsByProviderType\":{\"INDEPENDANT\":[2]}}", "settingsByProviderType",
                "'INDEPENDANT'", "INDEPENDENT, INSTITUTION, HOSPITAL_WARD");
        assertRefused(insurer, "{\"maxTermYears\":{\"institution\":3}}", "maxTermYears", "'institution'");
        assertRefused(insurer, "{\"termYears\":{\"HOSPITAL\":1}}", "termYears", "'HOSPITAL'");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(policy(insurer).path("published").asBoolean()).isFalse();
    }

    @Test
    void aPolicyRefusesParametersTheRulesCannotHold() {
        String insurer = newInsurer();
        assertRefused(insurer, "{\"maxTermYears\":{\"INSTITUTION\":6}}", "longest contract term is 1 to 5 years");
        assertRefused(insurer, "{\"maxTermYears\":{\"INDEPENDENT\":1}}", "shorter than their term");
        assertRefused(insurer, "{\"settingsByProviderType\":{\"INDEPENDENT\":[]}}",
                "settingsByProviderType.INDEPENDENT names at least one setting");
        assertRefused(insurer, "{\"settingsByProviderType\":{\"INDEPENDENT\":[9]}}",
                "settingsByProviderType.INDEPENDENT", "a setting is a number from 1 to 8");
        assertRefused(insurer, "{\"settingsByProviderType\":{\"INDEPENDENT\":[null]}}",
                "settingsByProviderType.INDEPENDENT holds null");
        assertRefused(insurer, "{\"quoteResponseDays\":0}", "the period to answer a quote is 1 to 366 days");
        assertThat(policy(insurer).path("published").asBoolean()).isFalse();
    }

    private void assertRefused(String insurer, String body, String... details) {
        Api.Response answer = api.putRaw("/api/policies/" + insurer + "/" + YEAR, body);
        assertThat(answer.status()).as(body + " → " + answer.raw()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.as(Problem.class).detail()).as(body).contains(details);
    }

    private JsonNode policy(String insurer) {
        Api.Response policy = api.get("/api/policies/" + insurer + "/" + YEAR);
        assertThat(policy.status()).isEqualTo(200);
        return policy.body();
    }

    private static JsonNode json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }
}
