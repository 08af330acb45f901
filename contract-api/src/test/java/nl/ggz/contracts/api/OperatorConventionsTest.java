package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an integrator find without asking: metrics to scrape, and the API described and browsable. */
class OperatorConventionsTest extends ApplicationTest {

    @Test
    void prometheusCountsDeclarationsByResult() {
        String contractId = signedContract(newInsurer(), 10_000_000);
        double acceptedBefore = counter("ggz_declarations_total", "result=\"accepted\"");
        double duplicateBefore = counter("ggz_declarations_total", "result=\"duplicate\"");
        double rejectedBefore = counter("ggz_declarations_total", "result=\"rejected\"");

        // declaration ids are unique across all ceilings: fresh ones, so that no other test's lines make duplicates
        String run = java.util.UUID.randomUUID().toString();
        declare(declaration(run + "-1", contractId, 100), declaration(run + "-2", contractId, 100),
                declaration(run + "-1", contractId, 100), declaration(run + "-3", "no-such-contract", 100));

        assertThat(counter("ggz_declarations_total", "result=\"accepted\"") - acceptedBefore).isEqualTo(2);
        assertThat(counter("ggz_declarations_total", "result=\"duplicate\"") - duplicateBefore).isEqualTo(1);
        assertThat(counter("ggz_declarations_total", "result=\"rejected\"") - rejectedBefore).isEqualTo(1);
    }

    @Test
    void prometheusShowsEachStreamingReadModelsLagAndDeadLetters() {
        String metrics = prometheus();
        for (String processor : new String[]{"timeline", "monitoring", "reporting", "declaration-lines"}) {
            assertThat(metrics).contains("ggz_projection_lag_events{processor=\"" + processor + "\"");
            assertThat(metrics).contains("ggz_dead_letters{processor=\"" + processor + "\"");
        }
        assertThat(api.get("/actuator/health").text("status")).isEqualTo("UP");
    }

    @Test
    void theApiIsDescribedInOpenApiAndBrowsable() {
        JsonNode description = api.get("/v3/api-docs").body();
        assertThat(description.path("openapi").asText()).startsWith("3.");
        assertThat(description.path("paths").has("/api/declarations")).isTrue();
        assertThat(description.path("paths").has("/api/contracts/{contractId}")).isTrue();
        assertThat(description.path("paths").has("/api/audit/events")).isTrue();

        Api.Text page = api.getText("/swagger-ui/index.html", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger");
        assertThat(api.getText("/api-docs.html", null).status()).isIn(200, 302);
    }

    private String prometheus() {
        Api.Text scrape = api.getText("/actuator/prometheus", "text/plain");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.body();
    }

    /** The value of a counter line with the given label, 0 when it was never incremented. */
    private double counter(String name, String label) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$")
                .matcher(prometheus());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
