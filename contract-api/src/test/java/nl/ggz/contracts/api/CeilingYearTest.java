package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.Ceiling;
import nl.ggz.contracts.api.Responses.DeclarationResult;
import nl.ggz.contracts.api.Responses.Threshold;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 through the API: a ceiling's year from the first declaration to its settlement — only care already given is
 * declared, the marks are those of the ceiling in force, the year is settled once it has ended, and declarations
 * after the policy's claims cut-off are refused. The server's clock is set to the day each rule is about.
 */
class CeilingYearTest extends ServerDateTest {

    /** A contract year that is over, whatever today is. */
    private static final int LAST_YEAR = YEAR - 1;

    @Test
    void careNotYetGivenIsRejectedAndNotCountedUntilItsDayHasComeInAmsterdam() {
        // seed 000: a claims system declares care after it was given
        String insurer = newInsurer();
        serverDate(LocalDate.of(YEAR, 6, 15));
        String contractId = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);

        DeclarationResult tomorrow = declareOne(care("F-1-" + contractId, contractId, LocalDate.of(YEAR, 6, 16),
                10_000));
        DeclarationResult today = declareOne(care("F-2-" + contractId, contractId, LocalDate.of(YEAR, 6, 15),
                10_000));

        assertThat(tomorrow.status()).isEqualTo("REJECTED");
        assertThat(tomorrow.reason()).contains(YEAR + "-06-16", "future", "today is " + YEAR + "-06-15");
        assertThat(today.status()).isEqualTo("ACCEPTED");
        assertThat(readCeiling(ceilingOf(contractId)).declaredCents()).isEqualTo(10_000);
        // the day has come: the same line is accepted now
        serverDate(LocalDate.of(YEAR, 6, 16));
        assertThat(declareOne(care("F-1-" + contractId, contractId, LocalDate.of(YEAR, 6, 16), 10_000)).status())
                .isEqualTo("ACCEPTED");
    }

    @Test
    void afterARaiseThe70And100PercentMarksOfTheRaisedCeilingAreReachedAndRecordedAgain() {
        // seed 001: report at 70 % of the ceiling — the ceiling in force, raised by a signed addendum
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        serverDate(LocalDate.of(YEAR, 6, 15));
        String contractId = signedFor(insurer, "DIGITAL", YEAR, 1_000_000);
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        LocalDate june = LocalDate.of(YEAR, 6, 1);
        declareOne(care("T-1-" + contractId, contractId, june, 1_000_000));
        assertThat(readCeiling(ceilingOf(contractId)).thresholdsReached()).containsExactly(70, 100);

        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 500_000,
                "grounds", "wachtlijst")).text("requestId");
        String addendumId = api.post(ceiling + "/increase-requests/" + requestId + "/approval",
                Map.of("amountCents", 500_000)).text("addendumId");
        Ceiling raised = api.post(ceiling + "/addenda/" + addendumId + "/signature", Map.of()).as(Ceiling.class);

        // 1,000,000 of 1,500,000 is 66.7 %: neither mark of the raised ceiling is reached
        assertThat(raised.ceilingCents()).isEqualTo(1_500_000);
        assertThat(raised.thresholdsReached()).isEmpty();
        assertThat(raised.thresholds()).allSatisfy(t -> assertThat(t.clearedByAddendumId()).isEqualTo(addendumId));

        declareOne(care("T-2-" + contractId, contractId, june, 100_000));
        assertThat(readCeiling(ceilingOf(contractId)).thresholdsReached()).containsExactly(70);
        declareOne(care("T-3-" + contractId, contractId, june, 400_000));

        Ceiling full = readCeiling(ceilingOf(contractId));
        assertThat(full.thresholdsReached()).containsExactly(70, 100);
        assertThat(full.thresholds()).extracting(Threshold::percent, Threshold::ceilingCents,
                t -> t.clearedAt() != null).containsExactly(tuple(70, 1_000_000L, true),
                tuple(100, 1_000_000L, true), tuple(70, 1_500_000L, false), tuple(100, 1_500_000L, false));
        // monitoring counts the marks of the ceiling in force too
        await().untilAsserted(() -> assertThat(api.get("/api/monitoring/ceilings?insurer=" + insurer + "&year=" + YEAR)
                .as(Responses.Monitoring.class).ceilings()).singleElement().satisfies(row -> {
                    assertThat(row.thresholdsReached()).extracting(Responses.ThresholdReached::percent)
                            .containsExactly(70, 100);
                    assertThat(row.ceilingCents()).isEqualTo(1_500_000);
                }));
    }

    @Test
    void aYearIsNotSettledWhileItRunsAndStoresNothing() {
        // seed 000: settlement follows the contract year ("in het jaar erna")
        String insurer = newInsurer();
        serverDate(LocalDate.of(LAST_YEAR, 3, 1));
        String contractId = signedFor(insurer, "DIGITAL", LAST_YEAR, 100_000);
        serverDate(LocalDate.of(LAST_YEAR, 12, 31));
        // the contract's own deadlines (its end) may store events meanwhile: the ceiling's are counted
        long events = ceilingEvents(contractId + "-" + LAST_YEAR);

        Api.Response refused = api.post("/api/ceilings/" + contractId + "-" + LAST_YEAR + "/settlement", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("runs until the end of " + LAST_YEAR + "-12-31",
                "settled from " + YEAR + "-01-01");
        assertThat(ceilingEvents(contractId + "-" + LAST_YEAR)).isEqualTo(events);
        assertThat(readCeiling(contractId + "-" + LAST_YEAR).settledAt()).isNull();
    }

    private long ceilingEvents(String ceilingId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                ceilingId);
    }

    @Test
    void aSettledYearKeepsItsFiguresRefusesDeclarationsAndCreditsAndRecoversByClawBack() {
        // seed 000: the year is settled in the next; afterwards only claw-backs, shown as recoveries after settlement
        String insurer = newInsurer();
        serverDate(LocalDate.of(LAST_YEAR, 3, 1));
        String contractId = signedFor(insurer, "DIGITAL", LAST_YEAR, 100_000);
        String ceilingId = contractId + "-" + LAST_YEAR;
        String ceiling = "/api/ceilings/" + ceilingId;
        assertThat(declareOne(care("S-1-" + contractId, contractId, LocalDate.of(LAST_YEAR, 2, 15), 120_000))
                .unpaidCents()).isEqualTo(20_000);

        serverDate(LocalDate.of(YEAR, 1, 1));
        Api.Response settled = api.post(ceiling + "/settlement", Map.of());

        assertThat(settled.status()).as(settled.body().toString()).isEqualTo(200);
        Ceiling view = settled.as(Ceiling.class);
        assertThat(view.settledAt()).isNotNull();
        assertThat(view.settlement()).isEqualTo(new Responses.Settlement(view.settledAt(), 100_000, 120_000,
                100_000, 20_000, 0, 0));
        assertThat(readContract(contractId).ceilings()).singleElement()
                .satisfies(ref -> assertThat(ref.settledAt()).isEqualTo(view.settledAt()));

        // no more declarations or credits for the year
        DeclarationResult late = declareOne(care("S-2-" + contractId, contractId, LocalDate.of(LAST_YEAR, 12, 1),
                5_000));
        Map<String, Object> credit = care("S-1-credit-" + contractId, contractId, LocalDate.of(LAST_YEAR, 2, 15),
                -10_000);
        credit.put("correctsDeclarationId", "S-1-" + contractId);
        DeclarationResult creditAfter = declareOne(credit);
        assertThat(List.of(late, creditAfter)).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo("REJECTED");
            assertThat(result.reason()).contains("the year " + LAST_YEAR + " is settled");
        });
        assertThat(api.post(ceiling + "/settlement", Map.of()).status()).isEqualTo(409);

        // seed 000 ⓴: a claw-back after it recovers what was paid; what was held unpaid is only withdrawn
        Api.Response clawBack = api.post(ceiling + "/claw-backs", Map.of("amountCents", 30_000,
                "reason", "dubbel gedeclareerd", "declarationIds", List.of("S-1-" + contractId)));
        assertThat(clawBack.status()).as(clawBack.body().toString()).isEqualTo(201);
        Ceiling recovered = readCeiling(ceilingId);
        assertThat(recovered.clawBacks()).singleElement().satisfies(k -> {
            assertThat(k.afterSettlement()).isTrue();
            assertThat(k.reclaimedCents()).isEqualTo(10_000);
            assertThat(k.withdrawnUnpaidCents()).isEqualTo(20_000);
        });
        assertThat(recovered.recoveredAfterSettlementCents()).isEqualTo(10_000);
        assertThat(recovered.clawedBackCents()).isEqualTo(10_000);
        assertThat(recovered.payableCents()).isEqualTo(90_000);
        assertThat(recovered.unpaidCents()).isZero();
        assertThat(recovered.settlement()).isEqualTo(view.settlement());
        await().untilAsserted(() -> assertThat(api.get("/api/contracts/" + contractId + "/timeline")
                .asList(Responses.TimelineEntry.class)).extracting(Responses.TimelineEntry::description)
                .anyMatch(line -> line.startsWith("Year settled: € 1.000,00 payable of € 1.200,00 declared"))
                .anyMatch(line -> line.startsWith("Recovery after settlement: claw-back of € 300,00")));
        // seed 003: the regulator's export of the contract's history holds the settlement
        Api.Text audit = api.getText("/api/audit/events?contractId=" + contractId, null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains("CeilingSettled");
    }

    @Test
    void anOpenIncreaseRequestKeepsTheYearFromBeingSettledUntilItIsDecided() {
        // the figures are final only when nothing can still raise the ceiling
        String insurer = newInsurer();
        policy(insurer, LAST_YEAR, Map.of("increaseWindowStart", LAST_YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", LAST_YEAR + "-12-31T17:00:00+01:00"));
        serverDate(LocalDate.of(LAST_YEAR, 3, 1));
        String contractId = signedFor(insurer, "DIGITAL", LAST_YEAR, 100_000);
        String ceiling = "/api/ceilings/" + contractId + "-" + LAST_YEAR;
        String requestId = api.post(ceiling + "/increase-requests", Map.of("amountCents", 10_000,
                "grounds", "wachtlijst")).text("requestId");

        serverDate(LocalDate.of(YEAR, 1, 20));
        Api.Response refused = api.post(ceiling + "/settlement", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains(requestId, "still open");

        api.post(ceiling + "/increase-requests/" + requestId + "/rejection", Map.of("grounds", "te laat",
                "reasons", List.of("NO_FINANCIAL_ROOM")));
        assertThat(api.post(ceiling + "/settlement", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void declarationsAfterThePolicysClaimsCutOffAreRefusedEvenBeforeSettlement() {
        // seed 000: settlement continues into the next year — until the insurer's cut-off (here one month after it)
        String insurer = newInsurer();
        policy(insurer, LAST_YEAR, Map.of("claimsCutOff", "P1M"));
        assertThat(api.get("/api/policies/" + insurer + "/" + LAST_YEAR).text("claimsCutOff")).isEqualTo("P1M");
        serverDate(LocalDate.of(LAST_YEAR, 3, 1));
        String contractId = signedFor(insurer, "DIGITAL", LAST_YEAR, 100_000);
        LocalDate december = LocalDate.of(LAST_YEAR, 12, 20);

        serverDate(LocalDate.of(YEAR, 1, 31));
        assertThat(declareOne(care("K-1-" + contractId, contractId, december, 1_000)).status())
                .isEqualTo("ACCEPTED");
        serverDate(LocalDate.of(YEAR, 2, 1));
        DeclarationResult late = declareOne(care("K-2-" + contractId, contractId, december, 1_000));

        assertThat(late.status()).isEqualTo("REJECTED");
        assertThat(late.reason()).contains("accepted until the end of " + YEAR + "-01-31", "cut-off");
        assertThat(readCeiling(contractId + "-" + LAST_YEAR).settledAt()).isNull();
    }
}
