package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the proposals of a negotiated contract side by side (GET /api/contracts/{id}/proposals): the offer as round
 * 0 and every proposal with who put it forward and its terms, the insurer's deadline to answer a provider's quote
 * (seed 002 §6.3), which round the insurer accepted (seed 000: "bij overeenstemming") and which is on the table. Over
 * HTTP, on a real PostgreSQL, at once after each answer (written in the command's transaction).
 */
class ProposalRoundsApiTest extends ApplicationTest {

    @Test
    void theRoundsShowWhoProposedWhatWhichTheInsurerAcceptedAndWhichWasSigned_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        Map<String, Object> body = offerBody(insurer, "NEGOTIATED", 5_000_000);
        body.put("providerAgb", provider);
        body.put("offerExpiresAt", now().plus(Duration.ofDays(60)).toString());
        String contractId = api.post("/api/contracts", body).text("contractId");
        Api asProvider = api.as(Identity.provider(provider));
        assertThat(asProvider.post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 6_000_000, "tariffPercentage", "96.00")).status()).isEqualTo(200);

        JsonNode rounds = asProvider.get("/api/contracts/" + contractId + "/proposals").body();
        assertThat(rounds.size()).isEqualTo(2);
        JsonNode offer = rounds.get(0);
        assertThat(offer.path("round").asInt()).isZero();
        assertThat(offer.path("proposedBy").asText()).isEqualTo("PURCHASER");
        assertThat(offer.path("ceilingCents").asLong()).isEqualTo(5_000_000);
        assertThat(offer.path("tariffPercentages").path("2").decimalValue()).isEqualByComparingTo("92.50");
        assertThat(offer.path("standing").asText()).isEqualTo("SUPERSEDED");
        JsonNode quote = rounds.get(1);
        assertThat(quote.path("proposedBy").asText()).isEqualTo("PROVIDER");
        assertThat(quote.path("ceilingCents").asLong()).isEqualTo(6_000_000);
        assertThat(quote.path("tariffPercentage").decimalValue()).isEqualByComparingTo("96.00");
        assertThat(quote.path("settings").toString()).isEqualTo("[2,3]");
        // seed 002 §6.3: the insurer answers a quote within six weeks
        assertThat(quote.path("answerDueAt").isTextual()).isTrue();
        assertThat(quote.path("answerOverdue").asBoolean()).isFalse();
        assertThat(quote.path("acceptedAt").isNull()).isTrue();
        assertThat(quote.path("standing").asText()).isEqualTo("ON_THE_TABLE");

        assertThat(api.post("/api/contracts/" + contractId + "/acceptance", Map.of("acceptedBy", "mw. De Wit"))
                .status()).isEqualTo(200);
        JsonNode accepted = api.get("/api/contracts/" + contractId + "/proposals").body().get(1);
        assertThat(accepted.path("acceptedBy").asText()).isEqualTo("mw. De Wit");
        assertThat(accepted.path("acceptedAt").isTextual()).isTrue();

        assertThat(asProvider.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        JsonNode signed = api.get("/api/contracts/" + contractId + "/proposals").body();
        assertThat(signed.get(0).path("standing").asText()).isEqualTo("SUPERSEDED");
        assertThat(signed.get(1).path("standing").asText()).isEqualTo("SIGNED");

        // another insurer's contract is not found, as an unknown one
        Api.Response hidden = api.as(Identity.purchaser(newInsurer())).get("/api/contracts/" + contractId + "/proposals");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.text("detail")).isEqualTo("no contract with id " + contractId);
    }
}
