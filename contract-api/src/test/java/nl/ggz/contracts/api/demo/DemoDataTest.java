package nl.ggz.contracts.api.demo;

import nl.ggz.contracts.demo.DemoCast;
import nl.ggz.contracts.demo.DemoInsurer;
import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api;
import nl.ggz.contracts.api.ApplicationTest;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo of a first start, read through the public API as a purchaser, a provider and the NZa would: every case
 * the pages need is there. The GETs go through {@link Api}, where a bearer token can be added for all tests at once. Its own application context (demo on, few declaration lines per batch so that it stays
 * quick); the cast and the scenarios are those of a real first start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ggz.demo.enabled=true", "ggz.demo.scale=10"})
// no other class shares this context: closed after the class, not left for the JVM's exit with the cached ones
@DirtiesContext
class DemoDataTest extends ApplicationTest {

    private static final List<String> INSURERS = DemoCast.INSURERS.stream().map(DemoInsurer::uzovi).toList();

    /**
     * The demo dates nothing in the future, so its year shows every case only once the year has run long enough:
     * increase requests open on 1 April (seed 001) and a late decision comes weeks after the decision period.
     */
    @BeforeAll
    static void theYearHasRunLongEnough() {
        assumeTrue(LocalDate.now(DomainTime.AMSTERDAM).getMonthValue() >= 8,
                "the demo shows every case from 1 August (DemoPlanTest); before, it leaves out the future");
    }

    @Test
    void theDemoShowsEveryCaseThePagesNeed() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            List<JsonNode> rows = ceilingRows();
            Set<String> insurers = new HashSet<>();
            Set<String> providers = new HashSet<>();
            Set<String> kinds = new HashSet<>();
            Set<String> types = new HashSet<>();
            int under70 = 0;
            int past70 = 0;
            int past100WithUnpaid = 0;
            int raisedByAddendum = 0;
            int clawedBack = 0;
            for (JsonNode row : rows) {
                insurers.add(row.path("insurerUzovi").asText());
                providers.add(row.path("providerAgb").asText());
                kinds.add(row.path("kind").asText());
                types.add(row.path("providerType").asText());
                BigDecimal utilisation = row.path("utilisationPercent").decimalValue();
                boolean at70 = utilisation.compareTo(BigDecimal.valueOf(70)) >= 0;
                boolean at100 = utilisation.compareTo(BigDecimal.valueOf(100)) >= 0;
                under70 += at70 ? 0 : 1;
                past70 += at70 && !at100 ? 1 : 0;
                past100WithUnpaid += at100 && row.path("unpaidCents").asLong() > 0 ? 1 : 0;
                boolean raised = row.path("ceilingCents").asLong() > row.path("initialCeilingCents").asLong();
                raisedByAddendum += raised ? 1 : 0;
                clawedBack += row.path("clawedBackCents").asLong() > 0 ? 1 : 0;
            }
            assertThat(insurers).hasSize(10);
            assertThat(providers).hasSizeGreaterThanOrEqualTo(200);
            assertThat(kinds).containsExactlyInAnyOrder("DIGITAL", "NEGOTIATED");
            assertThat(types).containsExactlyInAnyOrder("INDEPENDENT", "INSTITUTION", "HOSPITAL_WARD");
            assertThat(under70).as("ceilings under 70 %").isGreaterThan(20);
            assertThat(past70).as("ceilings past 70 %").isGreaterThan(20);
            assertThat(past100WithUnpaid).as("ceilings past 100 % with unpaid declarations").isGreaterThan(5);
            assertThat(raisedByAddendum).as("ceilings raised by a signed addendum").isGreaterThan(2);
            assertThat(clawedBack).as("ceilings with a claw-back").isGreaterThan(2);

            // the purchasers' queues: open requests, some waiting within their decision period, some overdue
            List<JsonNode> open = new ArrayList<>();
            for (String insurer : INSURERS) {
                get("/api/monitoring/increase-requests?insurer=" + insurer).forEach(open::add);
            }
            assertThat(open).anyMatch(r -> r.path("overdue").asBoolean());
            assertThat(open).anyMatch(r -> !r.path("overdue").asBoolean());

            // the NZa's figures: requests honoured, rejected, decided late; stops of both reasons, lifted and ongoing
            JsonNode monitor = get("/api/reports/contracting-monitor?year=" + YEAR).path("byProviderType");
            assertThat(sum(monitor, "increaseRequestsHonoured")).isGreaterThan(2);
            assertThat(sum(monitor, "increaseRequestsRejected")).isGreaterThan(2);
            assertThat(sum(monitor, "increaseRequestsOverdue")).isGreaterThan(2);
            assertThat(sum(monitor, "decisionLeadTimes", "ONE_TO_3_MONTHS")).as("decided late").isPositive();
            assertThat(sum(monitor, "contractsAtCeilingWithStop")).isPositive();
            assertThat(sum(monitor, "stopsByReason", "CEILING_REACHED")).isPositive();
            assertThat(sum(monitor, "stopsByReason", "CAPACITY")).isPositive();
            List<JsonNode> stops = new ArrayList<>();
            for (String insurer : INSURERS) {
                get("/api/reports/patient-stops?insurer=" + insurer + "&year=" + YEAR).path("stops")
                        .forEach(stops::add);
            }
            for (String reason : List.of("CEILING_REACHED", "CAPACITY")) {
                assertThat(stops).as("lifted stops, " + reason).anyMatch(s -> reason.equals(s.path("reason").asText())
                        && !s.path("bucket").asText().equals("ONGOING"));
                assertThat(stops).as("ongoing stops, " + reason).anyMatch(s -> reason.equals(s.path("reason").asText())
                        && s.path("bucket").asText().equals("ONGOING"));
            }
        });
    }

    @Test
    void offersEndInEveryWay() {
        await().untilAsserted(() -> {
            for (String status : List.of("SIGNED", "DECLINED", "WITHDRAWN", "EXPIRED")) {
                int found = 0;
                for (String insurer : INSURERS) {
                    found += get("/api/contracts?insurer=" + insurer + "&status=" + status).size();
                }
                assertThat(found).as(status).isPositive();
            }
        });
    }

    @Test
    void aContractTimelineTellsTheStoryWithItsActors() {
        JsonNode raised = ceilingRows().stream()
                .filter(r -> r.path("ceilingCents").asLong() > r.path("initialCeilingCents").asLong())
                .filter(r -> r.path("kind").asText().equals("NEGOTIATED"))
                .findFirst()
                .orElseGet(() -> ceilingRows().stream()
                        .filter(r -> r.path("ceilingCents").asLong() > r.path("initialCeilingCents").asLong())
                        .findFirst().orElseThrow());
        String contractId = raised.path("contractId").asText();
        await().untilAsserted(() -> {
            JsonNode timeline = get("/api/contracts/" + contractId + "/timeline");
            List<String> types = new ArrayList<>();
            timeline.forEach(entry -> types.add(entry.path("type").asText()));
            assertThat(types).containsSubsequence("ContractOffered", "ContractSigned", "IncreaseRequested",
                    "IncreaseApproved", "AddendumSigned");
            assertThat(timeline).anyMatch(e -> e.path("type").asText().equals("ContractOffered")
                    && e.path("actor").asText().startsWith("inkoper@"));
            assertThat(timeline).anyMatch(e -> e.path("type").asText().equals("ContractSigned")
                    && e.path("actor").asText().startsWith("zorgaanbieder-"));
        });
    }

    private List<JsonNode> ceilingRows() {
        List<JsonNode> rows = new ArrayList<>();
        for (String insurer : INSURERS) {
            get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR).path("ceilings").forEach(rows::add);
        }
        return rows;
    }

    private JsonNode get(String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static long sum(JsonNode byProviderType, String... path) {
        long total = 0;
        for (JsonNode figures : byProviderType) {
            JsonNode value = figures;
            for (String step : path) {
                value = value.path(step);
            }
            total += value.asLong();
        }
        return total;
    }
}
