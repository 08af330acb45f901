package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.DeclarationResult;
import nl.ggz.contracts.api.Responses.DeclarationResults;
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

        DeclarationResult atFirst = result(declare(declaration(id, first, 10_000)));
        DeclarationResult atSecond = result(declare(declaration(id, second, 20_000)));

        assertThat(atFirst.status()).isEqualTo("ACCEPTED");
        assertThat(atSecond.status()).isEqualTo("ACCEPTED");
        assertThat(atSecond.ceilingId()).isEqualTo(ceilingOf(second));
        // no field of the answer names the other insurer's contract
        assertThat(atSecond.toString()).doesNotContain(first);
        assertThat(declared(first)).isEqualTo(10_000);
        assertThat(declared(second)).isEqualTo(20_000);

        // posted again, each is a duplicate of its own insurer's declaration only
        DeclarationResult againAtSecond = result(declare(declaration(id, second, 20_000)));
        assertThat(againAtSecond.status()).isEqualTo("DUPLICATE");
        assertThat(againAtSecond.ceilingId()).isEqualTo(ceilingOf(second));
        assertThat(againAtSecond.toString()).doesNotContain(first);
        DeclarationResult againAtFirst = result(declare(declaration(id, first, 10_000)));
        assertThat(againAtFirst.ceilingId()).isEqualTo(ceilingOf(first));
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
        assertThat(result(declare(credit)).status()).isEqualTo("ACCEPTED");
        Api.Response clawBack = api.post("/api/ceilings/" + ceilingOf(second) + "/claw-backs", Map.of(
                "amountCents", 15_000, "reason", "dubbel gedeclareerd", "declarationIds", java.util.List.of(id)));
        assertThat(clawBack.status()).as(clawBack.body().toString()).isEqualTo(201);

        assertThat(declared(first)).isEqualTo(10_000);
        assertThat(readCeiling(ceilingOf(first)).clawedBackCents()).isZero();
        assertThat(declared(second)).isEqualTo(15_000);
        assertThat(readCeiling(ceilingOf(second)).clawedBackCents()).isEqualTo(15_000);
        assertThat(jdbc.queryForObject("SELECT credited_cents + clawed_back_cents FROM declaration_ledger "
                + "WHERE ceiling_id = ? AND declaration_id = ?", Long.class, ceilingOf(first), id)).isZero();
    }

    private long declared(String contractId) {
        return readCeiling(ceilingOf(contractId)).declaredCents();
    }

    private static DeclarationResult result(Api.Response answer) {
        return answer.as(DeclarationResults.class).first();
    }
}
