package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Responses.Ceiling;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.Problem;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/contracts/{id}?asOf= and /api/ceilings/{id}?asOf=: the state at an instant, rebuilt from the events. */
class PointInTimeTest extends ApplicationTest {

    /** What GET answered at one moment, to be asked again later with asOf set to that moment. */
    private record Moment(String name, Instant at, JsonNode contract, JsonNode ceiling) {
    }

    @Test
    void asOfEachMomentOfALifecycleIsTheStateThatWasAnsweredAtThatMoment() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        List<Moment> moments = new ArrayList<>();
        Instant beforeOffer = instantBetweenSteps();

        String contractId = offer(insurer, 1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        moments.add(moment("offered", contractId, null));

        api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        moments.add(moment("signed", contractId, ceiling));

        declare(declaration("PIT-1-" + contractId, contractId, 750_000));
        declare(declaration("PIT-2-" + contractId, contractId, 350_000),
                declaration("PIT-3-" + contractId, contractId, 10_000));
        moments.add(moment("declared above the ceiling", contractId, ceiling));

        String requestId = api.post(ceiling + "/increase-requests",
                Map.of("amountCents", 300_000, "grounds", "waiting list")).text("requestId");
        moments.add(moment("increase requested", contractId, ceiling));
        String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 250_000)).text("addendumId");
        moments.add(moment("increase approved", contractId, ceiling));
        api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of("signedBy", "dr. Jansen"));
        moments.add(moment("addendum signed", contractId, ceiling));

        assertThat(api.post(ceiling + "/claw-backs", Map.of("amountCents", 100_000, "reason", "care not delivered",
                "declarationIds", List.of("PIT-2-" + contractId))).status()).isEqualTo(201);
        moments.add(moment("clawed back", contractId, ceiling));

        String stopId = api.post("/api/contracts/" + contractId + "/patient-stops",
                Map.of("reason", "CEILING_REACHED", "from", YEAR + "-09-01")).text("stopId");
        moments.add(moment("patient stop", contractId, ceiling));
        api.post("/api/contracts/" + contractId + "/patient-stops/" + stopId + "/lifting", Map.of("to", YEAR + "-10-15"));
        api.post("/api/contracts/" + contractId + "/termination",
                Map.of("reason", "quality requirements not met", "effectiveDate", YEAR + "-11-30"));
        moments.add(moment("lifted and terminated", contractId, ceiling));

        for (Moment moment : moments) {
            Api.Response contract = api.get("/api/contracts/" + contractId + "?asOf=" + moment.at());
            assertThat(contract.status()).as(moment.name()).isEqualTo(200);
            assertThat(toTheMillisecond(contract.body())).as(moment.name())
                    .isEqualTo(toTheMillisecond(moment.contract()));
            Api.Response ceilingThen = api.get(ceiling + "?asOf=" + moment.at());
            if (moment.ceiling() == null) {
                assertThat(ceilingThen.status()).as(moment.name()).isEqualTo(404);
            } else {
                assertThat(ceilingThen.status()).as(moment.name()).isEqualTo(200);
                assertThat(toTheMillisecond(ceilingThen.body())).as(moment.name())
                    .isEqualTo(toTheMillisecond(moment.ceiling()));
            }
        }

        // the same story in the figures a purchaser would look at
        assertThat(asOf(contractId, moments, "offered").status()).isEqualTo("OFFERED");
        assertThat(asOf(contractId, moments, "offered").ceilings()).isEmpty();
        assertThat(asOf(contractId, moments, "signed").status()).isEqualTo("SIGNED");
        Ceiling declared = asOfCeiling(ceiling, moments, "declared above the ceiling");
        assertThat(declared.declaredCents()).isEqualTo(1_110_000);
        assertThat(declared.payableCents()).isEqualTo(1_000_000);
        assertThat(declared.thresholdsReached()).containsExactly(70, 100);
        assertThat(asOfCeiling(ceiling, moments, "increase approved").ceilingCents()).isEqualTo(1_000_000);
        assertThat(asOfCeiling(ceiling, moments, "addendum signed").ceilingCents()).isEqualTo(1_250_000);
        assertThat(asOfCeiling(ceiling, moments, "addendum signed").clawedBackCents()).isZero();
        assertThat(asOfCeiling(ceiling, moments, "clawed back").clawedBackCents()).isEqualTo(100_000);
        assertThat(asOf(contractId, moments, "clawed back").ceilings().get(0).ceilingCents()).isEqualTo(1_250_000);
        assertThat(asOf(contractId, moments, "patient stop").patientStops().get(0).to()).isNull();
        assertThat(asOf(contractId, moments, "lifted and terminated").status()).isEqualTo("TERMINATED");

        // before the offer there was no contract; after the last event, and in the future, it is as it is now
        Api.Response before = api.get("/api/contracts/" + contractId + "?asOf=" + beforeOffer);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.contentType()).startsWith("application/problem+json");
        assertThat(before.as(Problem.class).detail()).contains("was not offered yet at " + beforeOffer);
        Instant future = now().plus(400, ChronoUnit.DAYS);
        assertThat(toTheMillisecond(api.get("/api/contracts/" + contractId + "?asOf=" + future).body()))
                .isEqualTo(toTheMillisecond(api.get("/api/contracts/" + contractId).body()));
        assertThat(toTheMillisecond(api.get(ceiling + "?asOf=" + future).body()))
                .isEqualTo(toTheMillisecond(api.get(ceiling).body()));
    }

    @Test
    void asOfMayCarryAnOffsetAndIsCutToTheMillisecondTheStoreKeeps() {
        String contractId = offer(newInsurer(), 1_000_000);
        Instant offered = Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                String.class, contractId));
        String amsterdam = URLEncoder.encode(offered.atOffset(ZoneOffset.ofHours(1)).toString(), StandardCharsets.UTF_8);
        assertThat(api.get("/api/contracts/" + contractId + "?asOf=" + amsterdam).status()).isEqualTo(200);
        assertThat(api.get("/api/contracts/" + contractId + "?asOf=" + offered.plusNanos(999_999)).status())
                .isEqualTo(200);
        assertThat(api.get("/api/contracts/" + contractId + "?asOf=" + offered.minusNanos(1)).status())
                .isEqualTo(404);
    }

    @Test
    void anAsOfThatIsNoInstantIsA400AndAnUnknownIdA404() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        for (String bad : List.of("yesterday", "2027-02-30T00:00:00Z", "2027-03-01", "2027-03-01T10:00:00+01:00")) {
            Api.Response contract = api.get("/api/contracts/" + contractId + "?asOf=" + bad);
            assertThat(contract.status()).as(bad).isEqualTo(400);
            assertThat(contract.contentType()).startsWith("application/problem+json");
            assertThat(contract.as(Problem.class).detail()).as(bad).startsWith("asOf is an ISO-8601 instant");
            assertThat(api.get("/api/ceilings/" + ceilingOf(contractId) + "?asOf=" + bad).status()).isEqualTo(400);
        }
        assertThat(api.get("/api/contracts/no-such-contract?asOf=" + Instant.now()).status()).isEqualTo(404);
        assertThat(api.get("/api/ceilings/no-such-ceiling?asOf=" + Instant.now()).status()).isEqualTo(404);
    }

    @Test
    void rebuildingThePastLeavesTheCurrentStateAndLaterWritesAlone() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        Instant signed = instantBetweenSteps();
        long expected = 0;
        // more rounds than the pool has connections, so that pooled connections are reused after a rebuild
        for (int round = 0; round < 25; round++) {
            assertThat(api.get(ceiling + "?asOf=" + signed).as(Ceiling.class).declaredCents()).isZero();
            assertThat(declare(declaration("LIVE-" + round + "-" + contractId, contractId, 1_000)).status())
                    .isEqualTo(200);
            expected += 1_000;
            assertThat(readCeiling(ceilingOf(contractId)).declaredCents()).isEqualTo(expected);
            assertThat(api.get("/api/contracts/" + contractId + "?asOf=" + signed).as(Contract.class).status())
                    .isEqualTo("SIGNED");
        }
        assertThat(readCeiling(ceilingOf(contractId)).declarations()).isEqualTo(25);
    }

    /**
     * The view with every instant cut to the millisecond. Where a view shows when an event happened (a threshold's
     * {@code reachedAt}), the live read model took the event's time while it was still in memory, to the microsecond;
     * the event store keeps milliseconds, and the past is rebuilt from what the store holds.
     */
    private static String toTheMillisecond(JsonNode view) {
        return view.toString().replaceAll("(\\d{2}:\\d{2}:\\d{2})\\.(\\d{3})\\d*Z", "$1.$2Z")
                .replaceAll("(\\d{2}:\\d{2}:\\d{2})\\.000Z", "$1Z");
    }

    private Moment moment(String name, String contractId, String ceiling) {
        JsonNode contract = api.get("/api/contracts/" + contractId).body();
        JsonNode ceilingNow = ceiling == null ? null : api.get(ceiling).body();
        return new Moment(name, instantBetweenSteps(), contract, ceilingNow);
    }

    /** An instant after everything so far was stored and before anything later is: the store keeps milliseconds. */
    private static Instant instantBetweenSteps() {
        sleep(5);
        Instant now = Instant.now();
        sleep(5);
        return now;
    }

    private Contract asOf(String contractId, List<Moment> moments, String name) {
        return api.get("/api/contracts/" + contractId + "?asOf=" + at(moments, name)).as(Contract.class);
    }

    private Ceiling asOfCeiling(String ceiling, List<Moment> moments, String name) {
        return api.get(ceiling + "?asOf=" + at(moments, name)).as(Ceiling.class);
    }

    private static Instant at(List<Moment> moments, String name) {
        Map<String, Instant> byName = new LinkedHashMap<>();
        moments.forEach(m -> byName.put(m.name(), m.at()));
        return byName.get(name);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
