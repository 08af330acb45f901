package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.DeclarationResults;
import nl.ggz.contracts.api.Responses.Figures;
import nl.ggz.contracts.api.Responses.Monitoring;
import nl.ggz.contracts.api.Responses.MonitoringRow;
import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import nl.ggz.contracts.domain.ceiling.CeilingBalance;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property: whatever sequence of declarations, credits, claw-backs and ceiling raises a ceiling goes through, the
 * monitoring view and the ceiling state show exactly the figures the aggregate itself holds — claw-backs split into
 * what was reclaimed of what was paid and what was only withdrawn from the amounts held unpaid — and the same marks of
 * the ceiling in force; and a settled year keeps the figures it was settled on, takes no declaration or credit after
 * it, and counts the claw-backs after it as recoveries (issue 15). The server's clock is moved to settle a year.
 */
class MonitoringConsistencyTest extends ServerDateTest {

    private static final int SEQUENCES = 12;
    private static final int STEPS = 25;

    @Autowired
    Configuration axon;

    @Test
    void monitoringTotalsEqualTheAggregatesOwnStateForRandomSequences() {
        long seed = Long.getLong("consistency.seed", System.nanoTime());
        Random random = new Random(seed);
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        List<String> ceilings = new ArrayList<>();
        for (int s = 0; s < SEQUENCES; s++) {
            String contractId = signedContract(insurer, newProvider(), 100_000 + random.nextInt(400_000));
            randomSequence(contractId, LocalDate.of(YEAR, 1, 15), random, "P" + s + "-" + seed, new HashMap<>());
            ceilings.add(ceilingOf(contractId));
        }

        await().untilAsserted(() -> {
            for (String ceilingId : ceilings) {
                assertConsistent(insurer, YEAR, ceilingId, seed);
            }
        });
        // issue 17: the claims system that replays its feed from 0 holds every declaration's payable and held amount,
        // and so each ceiling's totals
        await().untilAsserted(() -> assertFeedReplays(insurer, ceilings, seed));
    }

    /**
     * Replays the insurer's claims feed from the start, page by page as a claims system follows it, adding up the
     * changes per declaration; they must equal the ceiling's payable and unpaid totals (GET /api/ceilings/{id}) and,
     * per declaration, its line in the ceiling's declaration list (whose amounts add up to what is left of it).
     */
    private void assertFeedReplays(String insurer, List<String> ceilings, long seed) {
        String why = "feed of insurer " + insurer + " (re-run with -Dconsistency.seed=" + seed + ")";
        Api claims = api.as(Api.Identity.claims(insurer));
        Map<String, long[]> declarations = new HashMap<>();
        Map<String, long[]> totals = new HashMap<>();
        String after = "0";
        long lastPosition = 0;
        while (true) {
            Api.Text page = claims.getText("/api/claims-feed?after=" + after + "&limit=97", null);
            assertThat(page.status()).as(why + ": " + page.body()).isEqualTo(200);
            List<String> lines = page.body().lines().filter(l -> !l.isBlank()).toList();
            for (String line : lines) {
                com.fasterxml.jackson.databind.JsonNode entry = feedLine(line);
                assertThat(entry.path("position").asLong()).as(why + ": in position order").isGreaterThanOrEqualTo(lastPosition);
                lastPosition = entry.path("position").asLong();
                if (entry.path("type").asText().equals("CEILING_SETTLED")) {
                    continue;
                }
                String key = entry.path("ceilingId").asText() + "/" + entry.path("declarationId").asText();
                long payable = entry.path("payableChangeCents").asLong();
                long held = entry.path("heldChangeCents").asLong();
                long[] own = declarations.computeIfAbsent(key, k -> new long[2]);
                own[0] += payable;
                own[1] += held;
                long[] sum = totals.computeIfAbsent(entry.path("ceilingId").asText(), k -> new long[2]);
                sum[0] += payable;
                sum[1] += held;
            }
            if (lines.isEmpty()) {
                break;
            }
            after = page.header(nl.ggz.contracts.api.web.claims.ClaimsFeedController.RESUME_HEADER);
        }
        for (String ceilingId : ceilings) {
            Responses.Ceiling state = readCeiling(ceilingId);
            long[] sum = totals.getOrDefault(ceilingId, new long[2]);
            assertThat(sum).as(why + ", ceiling " + ceilingId + " payable and held")
                    .containsExactly(state.payableCents(), state.unpaidCents());
            String next = "0";
            while (next != null) {
                Api.Response page = api.as(Api.Identity.purchaser(insurer))
                        .get("/api/ceilings/" + ceilingId + "/declarations?limit=50&after=" + next);
                assertThat(page.status()).as(why).isEqualTo(200);
                for (com.fasterxml.jackson.databind.JsonNode line : page.body().path("lines")) {
                    String key = ceilingId + "/" + line.path("declarationId").asText();
                    long[] own = declarations.getOrDefault(key, new long[2]);
                    assertThat(new long[]{line.path("payableCents").asLong(), line.path("heldCents").asLong()})
                            .as(why + ", declaration " + key).containsExactly(own[0], own[1]);
                    assertThat(own[0] + own[1]).as(why + ", what is left of " + key)
                            .isEqualTo(line.path("amountCents").asLong() - line.path("creditedCents").asLong()
                                    - line.path("clawedBackCents").asLong());
                    assertThat(own[1]).as(why + ", held of " + key).isNotNegative();
                }
                next = page.body().path("next").isNull() || page.body().path("next").isMissingNode() ? null
                        : page.body().path("next").asText();
            }
        }
    }

    @Test
    void aSettledYearKeepsTheFiguresItWasSettledOnAndTakesOnlyClawBacksAfterwards() {
        // seed 000: the year is settled in the next ("in het jaar erna"); afterwards only what is reclaimed
        long seed = Long.getLong("consistency.seed", System.nanoTime());
        Random random = new Random(seed);
        String insurer = newInsurer();
        int year = YEAR - 1;
        serverDate(LocalDate.of(year, 11, 1));
        policy(insurer, year, Map.of("increaseWindowStart", year + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", year + "-12-31T17:00:00+01:00"));
        Map<String, String> contracts = new HashMap<>();
        Map<String, Map<String, Long>> lefts = new HashMap<>();
        for (int s = 0; s < SEQUENCES / 2; s++) {
            String contractId = signedFor(insurer, "DIGITAL", year, 100_000 + random.nextInt(400_000));
            Map<String, Long> left = new HashMap<>();
            randomSequence(contractId, LocalDate.of(year, 1 + random.nextInt(10), 1 + random.nextInt(28)), random,
                    "S" + s + "-" + seed, left);
            contracts.put(contractId + "-" + year, contractId);
            lefts.put(contractId + "-" + year, left);
        }

        serverDate(LocalDate.of(year + 1, 2, 1));
        Map<String, CeilingBalance> atSettlement = new HashMap<>();
        for (String ceilingId : contracts.keySet()) {
            String why = "ceiling " + ceilingId + " (re-run with -Dconsistency.seed=" + seed + ")";
            CeilingBalance own = aggregateBalance(ceilingId);
            Api.Response settled = api.post("/api/ceilings/" + ceilingId + "/settlement", Map.of());
            assertThat(settled.status()).as(why + ": " + settled.body()).isEqualTo(200);
            Responses.Settlement figures = readCeiling(ceilingId).settlement();
            assertThat(figures).as(why).isNotNull();
            assertThat(List.of(figures.ceilingCents(), figures.declaredCents(), figures.payableCents(),
                    figures.unpaidCents(), figures.clawedBackCents(), figures.withdrawnUnpaidCents())).as(why)
                    .containsExactly(own.ceiling().cents(), own.declared().cents(), own.payable().cents(),
                            own.unpaid().cents(), own.clawedBack().cents(), own.withdrawnUnpaid().cents());
            atSettlement.put(ceilingId, own);
        }

        // after settlement: declarations and credits are refused, claw-backs are recoveries
        for (String ceilingId : contracts.keySet()) {
            String why = "ceiling " + ceilingId + " (re-run with -Dconsistency.seed=" + seed + ")";
            String contractId = contracts.get(ceilingId);
            Map<String, Long> left = lefts.get(ceilingId);
            LocalDate day = LocalDate.of(year, 12, 1);
            assertThat(declareOne(care("late-" + ceilingId, contractId, day, 1_000)).reason()).as(why)
                    .contains("settled");
            for (String declared : new ArrayList<>(left.keySet())) {
                if (random.nextBoolean()) {
                    Map<String, Object> credit = care("late-credit-" + declared, contractId, day, -1);
                    credit.put("correctsDeclarationId", declared);
                    assertThat(declareOne(credit).status()).as(why).isEqualTo("REJECTED");
                } else {
                    long amount = 1 + random.nextInt((int) Math.max(1, left.get(declared)));
                    api.post("/api/ceilings/" + ceilingId + "/claw-backs", Map.of("amountCents", amount,
                            "reason", "recovery", "declarationIds", List.of(declared)));
                }
            }
        }

        await().untilAsserted(() -> {
            for (String ceilingId : contracts.keySet()) {
                String why = "ceiling " + ceilingId + " (re-run with -Dconsistency.seed=" + seed + ")";
                assertConsistent(insurer, year, ceilingId, seed);
                CeilingBalance before = atSettlement.get(ceilingId);
                CeilingBalance after = aggregateBalance(ceilingId);
                Responses.Ceiling state = readCeiling(ceilingId);
                assertThat(after.declared()).as(why).isEqualTo(before.declared());
                assertThat(state.settlement().payableCents()).as(why).isEqualTo(before.payable().cents());
                assertThat(state.recoveredAfterSettlementCents()).as(why)
                        .isEqualTo(after.clawedBack().cents() - before.clawedBack().cents());
            }
        });
    }

    /** Declarations, credits, claw-backs and raises at random on one ceiling; {@code left} keeps what is left. */
    private void randomSequence(String contractId, LocalDate careDay, Random random, String prefix,
                                Map<String, Long> left) {
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        int n = 0;
        for (int step = 0; step < STEPS; step++) {
            int op = random.nextInt(10);
            List<String> known = new ArrayList<>(left.keySet());
            if (op < 5 || known.isEmpty()) {
                String id = prefix + "-d" + n++;
                long amount = 1 + random.nextInt(60_000);
                declare(care(id, contractId, careDay, amount));
                left.put(id, amount);
            } else if (op < 7) {
                String corrected = known.get(random.nextInt(known.size()));
                long amount = 1 + random.nextInt((int) Math.max(1, left.get(corrected)));
                Map<String, Object> credit = care(prefix + "-c" + n++, contractId, careDay, -amount);
                credit.put("correctsDeclarationId", corrected);
                if (declare(credit).as(DeclarationResults.class).first().status().equals("ACCEPTED")) {
                    left.merge(corrected, -amount, Long::sum);
                }
            } else if (op < 9) {
                String reclaimed = known.get(random.nextInt(known.size()));
                long amount = 1 + random.nextInt((int) Math.max(1, left.get(reclaimed)));
                if (api.post(ceiling + "/claw-backs", Map.of("amountCents", amount, "reason", "random",
                        "declarationIds", List.of(reclaimed))).status() == 201) {
                    left.merge(reclaimed, -amount, Long::sum);
                }
            } else {
                // raises of any size: marks of the raised ceiling are cleared and may be reached again
                int asked = 1 + random.nextInt(60_000);
                String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", asked,
                        "grounds", "random")).text("requestId");
                if (!requestId.isEmpty()) {
                    String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                            Map.of("amountCents", 1 + random.nextInt(asked))).text("addendumId");
                    if (addendumId.isEmpty()) {
                        api.post(ceiling + "/increase-requests/" + requestId + "/rejection",
                                Map.of("grounds", "random"));
                    } else {
                        api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of());
                    }
                }
            }
            left.values().removeIf(v -> v <= 0);
        }
    }

    private void assertConsistent(String insurer, int year, String ceilingId, long seed) {
        CeilingBalance own = aggregateBalance(ceilingId);
        Figures state = readCeiling(ceilingId);
        MonitoringRow row = null;
        for (MonitoringRow r : api.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + year)
                .as(Monitoring.class).ceilings()) {
            if (r.ceilingId().equals(ceilingId)) {
                row = r;
            }
        }
        String why = "ceiling " + ceilingId + " (re-run with -Dconsistency.seed=" + seed + ")";
        assertThat(row).as(why).isNotNull();
        // the marks of the ceiling in force, raised or not, are the same in both views (seed 001)
        assertThat(row.thresholdsReached()).extracting(Responses.ThresholdReached::percent).as(why)
                .containsExactlyElementsOf(((Responses.Ceiling) state).thresholdsReached());
        for (Figures view : List.of(state, row)) {
            assertThat(view.ceilingCents()).as(why).isEqualTo(own.ceiling().cents());
            assertThat(view.declaredCents()).as(why).isEqualTo(own.declared().cents());
            assertThat(view.clawedBackCents()).as(why).isEqualTo(own.clawedBack().cents());
            // issue 15: what claw-backs took off the amounts held unpaid is withdrawn, never clawed back
            assertThat(view.withdrawnUnpaidCents()).as(why).isEqualTo(own.withdrawnUnpaid().cents());
            assertThat(view.payableCents()).as(why).isEqualTo(own.payable().cents());
            assertThat(view.unpaidCents()).as(why).isEqualTo(own.unpaid().cents());
            assertThat(view.utilisationPercent()).as(why).isEqualByComparingTo(own.utilisationPercent());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode feedLine(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a feed line is not JSON: " + line, e);
        }
    }

    private CeilingBalance aggregateBalance(String ceilingId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return unitOfWork.executeWithResult(() -> axon.repository(CeilingAgreement.class).load(ceilingId)
                    .invoke(CeilingAgreement::balance)).getPayload();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
