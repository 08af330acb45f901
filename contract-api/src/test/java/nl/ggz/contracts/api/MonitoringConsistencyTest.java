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
 * the ceiling in force.
 */
class MonitoringConsistencyTest extends ApplicationTest {

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
            ceilings.add(randomSequence(insurer, random, "P" + s + "-" + seed));
        }

        await().untilAsserted(() -> {
            for (String ceilingId : ceilings) {
                assertConsistent(insurer, ceilingId, seed);
            }
        });
    }

    private String randomSequence(String insurer, Random random, String prefix) {
        // a provider each: one contract per insurer, provider and year (issue 14)
        String contractId = signedContract(insurer, newProvider(), 100_000 + random.nextInt(400_000));
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        Map<String, Long> left = new HashMap<>();
        int n = 0;
        for (int step = 0; step < STEPS; step++) {
            int op = random.nextInt(10);
            List<String> known = new ArrayList<>(left.keySet());
            if (op < 5 || known.isEmpty()) {
                String id = prefix + "-d" + n++;
                long amount = 1 + random.nextInt(60_000);
                declare(declaration(id, contractId, amount));
                left.put(id, amount);
            } else if (op < 7) {
                String corrected = known.get(random.nextInt(known.size()));
                long amount = 1 + random.nextInt((int) Math.max(1, left.get(corrected)));
                Map<String, Object> credit = declaration(prefix + "-c" + n++, contractId, -amount);
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
                String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 1 + random.nextInt(20_000),
                        "grounds", "random")).text("requestId");
                if (!requestId.isEmpty()) {
                    String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                            Map.of("amountCents", 1)).text("addendumId");
                    api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of());
                }
            }
            left.values().removeIf(v -> v <= 0);
        }
        return ceilingOf(contractId);
    }

    private void assertConsistent(String insurer, String ceilingId, long seed) {
        CeilingBalance own = aggregateBalance(ceilingId);
        Figures state = readCeiling(ceilingId);
        MonitoringRow row = null;
        for (MonitoringRow r : api.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR)
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
