package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 2: declaration ids are numbered by each insurer's claims system. Before, they were one namespace:
 * insurer B's declaration with an id insurer A had used was answered DUPLICATE, naming A's ceiling, and never counted.
 */
class DeclarationIdsPerInsurerTest extends ApplicationTest {

    @Test
    void theSameDeclarationIdAtTwoInsurersIsCountedOnceAtEachAndNeitherAnswerNamesTheOther() {
        String first = signedContract(newInsurer(), newProvider(), 1_000_000);
        String second = signedContract(newInsurer(), newProvider(), 1_000_000);
        String id = "ZPM-" + UUID.randomUUID();

        JsonNode atFirst = declare(declaration(id, first, 10_000)).body().path("results").get(0);
        JsonNode atSecond = declare(declaration(id, second, 20_000)).body().path("results").get(0);

        assertThat(atFirst.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(atSecond.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(atSecond.path("ceilingId").asText()).isEqualTo(ceilingOf(second));
        assertThat(atSecond.toString()).doesNotContain(first);
        assertThat(declared(first)).isEqualTo(10_000);
        assertThat(declared(second)).isEqualTo(20_000);

        // posted again, each is a duplicate of its own insurer's declaration only
        JsonNode againAtSecond = declare(declaration(id, second, 20_000)).body().path("results").get(0);
        assertThat(againAtSecond.path("status").asText()).isEqualTo("DUPLICATE");
        assertThat(againAtSecond.path("ceilingId").asText()).isEqualTo(ceilingOf(second));
        assertThat(againAtSecond.toString()).doesNotContain(first);
        JsonNode againAtFirst = declare(declaration(id, first, 10_000)).body().path("results").get(0);
        assertThat(againAtFirst.path("ceilingId").asText()).isEqualTo(ceilingOf(first));
        assertThat(declared(first)).isEqualTo(10_000);
        assertThat(declared(second)).isEqualTo(20_000);
    }

    @Test
    void creditsAndClawBacksReachOnlyTheirOwnInsurersDeclarationOfThatId() {
        String first = signedContract(newInsurer(), newProvider(), 1_000_000);
        String second = signedContract(newInsurer(), newProvider(), 1_000_000);
        String id = "ZPM-" + UUID.randomUUID();
        declare(declaration(id, first, 10_000));
        declare(declaration(id, second, 20_000));

        Map<String, Object> credit = declaration(id + "-credit", second, -5_000);
        credit.put("correctsDeclarationId", id);
        assertThat(declare(credit).body().path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        Api.Response clawBack = api.post("/api/ceilings/" + ceilingOf(second) + "/claw-backs", Map.of(
                "amountCents", 15_000, "reason", "dubbel gedeclareerd", "declarationIds", java.util.List.of(id)));
        assertThat(clawBack.status()).as(clawBack.body().toString()).isEqualTo(201);

        assertThat(declared(first)).isEqualTo(10_000);
        assertThat(api.get("/api/ceilings/" + ceilingOf(first)).body().path("clawedBackCents").asLong()).isZero();
        assertThat(declared(second)).isEqualTo(15_000);
        assertThat(api.get("/api/ceilings/" + ceilingOf(second)).body().path("clawedBackCents").asLong())
                .isEqualTo(15_000);
        assertThat(jdbc.queryForObject("SELECT credited_cents + clawed_back_cents FROM declaration_ledger "
                + "WHERE ceiling_id = ? AND declaration_id = ?", Long.class, ceilingOf(first), id)).isZero();
    }

    private long declared(String contractId) {
        return api.get("/api/ceilings/" + ceilingOf(contractId)).body().path("declaredCents").asLong();
    }
}
