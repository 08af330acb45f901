package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Api.Identity;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.DeclarationResult;
import nl.ggz.contracts.api.Responses.DeclarationResults;
import nl.ggz.contracts.api.Responses.Exclusion;
import nl.ggz.contracts.api.Responses.Problem;
import nl.ggz.contracts.api.Responses.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, the contracting rules of the seeds over HTTP, on a real PostgreSQL: one contract per insurer, provider and
 * year; terms from the first day of any month, up to the policy's longest; the settings a provider type may be
 * contracted for; tariffs per setting; exclusions in the offer and amendments with an effective date; no termination
 * below care already accepted. Agreement by both sides: ProposalAcceptanceTest; strict policies: PolicyParametersApiTest.
 */
class ContractingRulesTest extends ApplicationTest {

    // --- one contract per insurer, provider and year (seed 000: the yearly zorgovereenkomst) ---

    @Test
    void aSecondOfferForTheSameInsurerProviderAndYearAnswers409NamingTheContractThatHoldsIt_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String first = offered(institution(insurer, provider));

        Api.Response second = api.post("/api/contracts", institution(insurer, provider));
        assertThat(second.status()).as(second.raw()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.as(Problem.class).detail()).contains(first, String.valueOf(YEAR), provider, insurer,
                "one contract per insurer, provider and year");

        // signed, the contract keeps its year
        assertThat(api.post("/api/contracts/" + first + "/signature", Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/contracts", institution(insurer, provider)).status()).isEqualTo(409);
        // a two-year term that overlaps it is refused as well, naming the year it meets
        Map<String, Object> twoYears = independent(insurer, provider);
        Api.Response overlapping = api.post("/api/contracts", twoYears);
        assertThat(overlapping.status()).as(overlapping.raw()).isEqualTo(409);
        assertThat(overlapping.as(Problem.class).detail()).contains(first, "for " + YEAR);

        // another insurer, or another year, is another contract
        assertThat(api.post("/api/contracts", institution(newInsurer(), provider)).status()).isEqualTo(201);
        Map<String, Object> nextYear = institution(insurer, provider);
        nextYear.put("termStart", (YEAR + 1) + "-01-01");
        nextYear.put("termEnd", (YEAR + 1) + "-12-31");
        assertThat(api.post("/api/contracts", nextYear).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contract_claim WHERE insurer_uzovi = ? AND "
                + "provider_agb = ?", Long.class, insurer, provider)).isEqualTo(2);
    }

    @Test
    void aDeclinedOrWithdrawnOfferFreesTheYearForANewOne_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String declined = offered(institution(insurer, provider));
        assertThat(api.post("/api/contracts/" + declined + "/declination", Map.of("reason", "tarief te laag"))
                .status()).isEqualTo(200);

        String withdrawn = offered(institution(insurer, provider));
        assertThat(api.post("/api/contracts/" + withdrawn + "/withdrawal", Map.of("reason", "nieuw aanbod"))
                .status()).isEqualTo(200);

        String third = offered(institution(insurer, provider));
        assertThat(api.post("/api/contracts/" + third + "/signature", Map.of()).status()).isEqualTo(200);
        assertThat(readContract(third).status()).isEqualTo("SIGNED");
    }

    /**
     * Offers made at the same moment meet on the key of contract_claim, written in the offer's own transaction: the
     * loser's transaction fails on it, its command is sent again (RetryingCommandGateway) and then finds the winner.
     */
    @Test
    void concurrentOffersForTheSameYear_exactlyOneWinsAndTheOthersAnswer409NamingIt_seed000() throws Exception {
        String insurer = newInsurer();
        String provider = newProvider();
        int offers = 6;
        CyclicBarrier start = new CyclicBarrier(offers);
        ExecutorService pool = Executors.newFixedThreadPool(offers);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < offers; i++) {
                Map<String, Object> body = institution(insurer, provider);
                body.put("ceilingCents", 1_000_000 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/contracts", body);
                }));
            }
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                responses.add(answer.get());
            }
            List<Api.Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).as(responses.toString()).hasSize(1);
            String winner = created.get(0).text("contractId");
            assertThat(responses.stream().filter(r -> r.status() != 201)).as(responses.toString())
                    .hasSize(offers - 1)
                    .allSatisfy(r -> {
                        assertThat(r.status()).isEqualTo(409);
                        assertThat(r.as(Problem.class).detail()).contains(winner);
                    });
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'%.ContractOffered' AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%" + provider + "%"))
                .as("offers stored").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contract_claim WHERE insurer_uzovi = ? AND "
                + "provider_agb = ?", Long.class, insurer, provider)).isEqualTo(1);
    }

    // --- terms (seed 002 §5.3, seed 001, seed 003) ---

    @Test
    void aTermStartsOnTheFirstDayOfAnyMonthAndCareBeforeItIsRefused_seed002_5_3() {
        Map<String, Object> body = institution(newInsurer(), newProvider());
        body.put("termStart", YEAR + "-04-01");
        String contractId = offered(body);
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        Contract contract = readContract(contractId);
        assertThat(contract.termStart()).isEqualTo(LocalDate.of(YEAR, 4, 1));
        assertThat(contract.ceilings()).extracting(Responses.CeilingRef::year).containsExactly(YEAR);

        // the ceiling's period starts with the term: care in March is not covered, care from 1 April is
        Map<String, Object> march = declaration("MID-1-" + contractId, contractId, 1_000);
        march.put("treatmentDate", YEAR + "-03-31");
        Map<String, Object> april = declaration("MID-2-" + contractId, contractId, 1_000);
        april.put("treatmentDate", YEAR + "-04-01");
        List<DeclarationResult> results = declare(march, april).as(DeclarationResults.class).results();
        assertThat(results.get(0).status()).isEqualTo("REJECTED");
        assertThat(results.get(0).reason()).contains("before the contract's term starts (" + YEAR + "-04-01)");
        assertThat(results.get(1).status()).isEqualTo("ACCEPTED");

        // not the first of a month, or not ending on 31 December: no term
        Map<String, Object> midMonth = institution(newInsurer(), newProvider());
        midMonth.put("termStart", YEAR + "-04-15");
        assertProblem(api.post("/api/contracts", midMonth), 400, "starts on the first day of a month",
                YEAR + "-04-15");
        Map<String, Object> endOfNovember = institution(newInsurer(), newProvider());
        endOfNovember.put("termEnd", YEAR + "-11-30");
        assertProblem(api.post("/api/contracts", endOfNovember), 400, "ends on 31 December", YEAR + "-11-30");
    }

    @Test
    void aMultiYearTermRunsUpToThePolicysLongestTermForTheProviderType_seed001_seed003() {
        String insurer = newInsurer();
        Map<String, Object> threeYears = institution(insurer, newProvider());
        threeYears.put("termEnd", (YEAR + 2) + "-12-31");
        // the default: institutions are contracted for one year (seed 002 §5.2)
        assertProblem(api.post("/api/contracts", threeYears), 422, "INSTITUTION contract runs 1 calendar year",
                "policy of " + insurer, "runs 3");

        Api.Response policy = api.put("/api/policies/" + insurer + "/" + YEAR,
                Map.of("maxTermYears", Map.of("INSTITUTION", 3)));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String contractId = offered(threeYears);
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        assertThat(readContract(contractId).ceilings()).extracting(Responses.CeilingRef::year)
                .containsExactly(YEAR, YEAR + 1, YEAR + 2);

        Map<String, Object> fourYears = institution(insurer, newProvider());
        fourYears.put("termEnd", (YEAR + 3) + "-12-31");
        assertProblem(api.post("/api/contracts", fourYears), 422, "1 to 3 calendar years", "policy of " + insurer);
    }

    // --- settings per provider type (seed 001; seed 002 §5.1) ---

    @Test
    void anIndependentIsContractedForSetting1OnlyUnderTheDefaultPolicy_seed001() {
        String insurer = newInsurer();
        Map<String, Object> body = independent(insurer, newProvider());
        body.put("settings", List.of(1, 2));
        Api.Response refused = api.post("/api/contracts", body);
        assertProblem(refused, 422, "setting 2", "INDEPENDENT", "purchasing policy of " + insurer,
                "settingsByProviderType allows 1");
        assertThat(refused.as(Problem.class).title()).isEqualTo("Refused by a purchasing rule");

        body.put("settings", List.of(1));
        assertThat(api.post("/api/contracts", body).status()).isEqualTo(201);
    }

    @Test
    void aProposalForASettingThePolicyDoesNotAllowTheProviderTypeIsRefused_seed001() {
        String insurer = newInsurer();
        String provider = newProvider();
        Map<String, Object> body = independent(insurer, provider);
        body.put("kind", "NEGOTIATED");
        String contractId = offered(body);
        Api.Response proposal = api.as(Identity.provider(provider)).post("/api/contracts/" + contractId
                + "/proposals", Map.of("settings", List.of(1, 3)));
        assertProblem(proposal, 422, "setting 3", "INDEPENDENT", "purchasing policy of " + insurer);
        assertThat(readContract(contractId).proposalRound()).isZero();
    }

    @Test
    void anInsurerWhoseIndependentsAreMonodisciplinaryContractsThemForSetting2Only_seed002_5_1() {
        String insurer = newInsurer();
        Api.Response policy = api.put("/api/policies/" + insurer + "/" + YEAR,
                Map.of("settingsByProviderType", Map.of("INDEPENDENT", List.of(2))));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);

        Map<String, Object> sectionTwo = independent(insurer, newProvider());
        assertProblem(api.post("/api/contracts", sectionTwo), 422, "setting 1", "INDEPENDENT",
                "purchasing policy of " + insurer + " for " + YEAR, "allows 2");
        Map<String, Object> monodisciplinary = independent(insurer, newProvider());
        monodisciplinary.put("settings", List.of(2));
        assertThat(api.post("/api/contracts", monodisciplinary).status()).isEqualTo(201);
        // institutions stay free to be contracted for any setting
        Map<String, Object> institution = institution(insurer, newProvider());
        institution.put("settings", List.of(2, 3, 5));
        assertThat(api.post("/api/contracts", institution).status()).isEqualTo(201);
    }

    // --- tariffs per setting (seed 001) ---

    @Test
    void tariffsPerSettingAreKeptAndShownOnTheContractAndItsTimeline_seed001() {
        Map<String, Object> body = institution(newInsurer(), newProvider());
        body.remove("tariffPercentage");
        body.put("tariffPercentages", Map.of("2", "92.50", "3", "95.00"));
        String contractId = offered(body);

        Contract contract = readContract(contractId);
        assertThat(contract.tariffPercentage()).as("no one tariff for every setting").isNull();
        assertThat(contract.tariffPercentages()).containsOnlyKeys("2", "3");
        assertThat(contract.tariffPercentages().get("2")).isEqualByComparingTo("92.50");
        assertThat(contract.tariffPercentages().get("3")).isEqualByComparingTo("95.00");
        await().untilAsserted(() -> assertThat(api.get("/api/contracts/" + contractId + "/timeline")
                .asList(TimelineEntry.class)).anySatisfy(entry -> assertThat(entry.description())
                .contains("offered", "tariffs 92.50 % for setting 2, 95.00 % for setting 3")));

        // one tariff for every setting, and one setting apart
        Map<String, Object> mixed = institution(newInsurer(), newProvider());
        mixed.put("tariffPercentage", "90.00");
        mixed.put("tariffPercentages", Map.of("3", "96.00"));
        Contract both = readContract(offered(mixed));
        assertThat(both.tariffPercentages().get("2")).isEqualByComparingTo("90.00");
        assertThat(both.tariffPercentages().get("3")).isEqualByComparingTo("96.00");
    }

    @Test
    void aProposalChangesTheTariffOfOneSettingAndKeepsTheOthers_seed001() {
        String provider = newProvider();
        Map<String, Object> body = institution(newInsurer(), provider);
        body.put("kind", "NEGOTIATED");
        String contractId = offered(body);
        Contract proposed = api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/proposals",
                Map.of("tariffPercentages", Map.of("3", "97.00"))).as(Contract.class);
        assertThat(proposed.tariffPercentages().get("2")).isEqualByComparingTo("92.50");
        assertThat(proposed.tariffPercentages().get("3")).isEqualByComparingTo("97.00");
        assertThat(proposed.tariffPercentage()).isNull();
    }

    @Test
    void anOfferNamesItsTariffsForTheSettingsItCoversOnly() {
        Map<String, Object> none = institution(newInsurer(), newProvider());
        none.remove("tariffPercentage");
        assertProblem(api.post("/api/contracts", none), 400, "tariffPercentage", "tariffPercentages");

        Map<String, Object> notCovered = institution(newInsurer(), newProvider());
        notCovered.put("tariffPercentages", Map.of("4", "95.00"));
        assertProblem(api.post("/api/contracts", notCovered), 400, "tariffPercentages names setting 4",
                "settings 2, 3");

        Map<String, Object> missing = institution(newInsurer(), newProvider());
        missing.remove("tariffPercentage");
        missing.put("tariffPercentages", Map.of("2", "95.00"));
        assertProblem(api.post("/api/contracts", missing), 400, "no tariff for setting 3");

        Map<String, Object> notASetting = institution(newInsurer(), newProvider());
        notASetting.put("tariffPercentages", Map.of("9", "95.00"));
        assertProblem(api.post("/api/contracts", notASetting), 400, "tariffPercentages", "'9' is not a setting");
        Map<String, Object> badPercentage = institution(newInsurer(), newProvider());
        badPercentage.put("tariffPercentages", Map.of("3", "100.01"));
        assertProblem(api.post("/api/contracts", badPercentage), 400, "tariffPercentages", "setting 3",
                "at most 100");
    }

    // --- exclusions (seed 002 §5.4) ---

    @Test
    void whatTheOfferLeavesOutIsRefusedFromTheFirstDayOfTheTerm_seed002_5_4() {
        Map<String, Object> body = institution(newInsurer(), newProvider());
        body.put("excludedPrestatieCodes", List.of("GR0110"));
        body.put("excludedSettings", List.of(3));
        String contractId = offered(body);
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);

        Contract contract = readContract(contractId);
        assertThat(contract.excludedPrestatieCodes()).containsExactly("GR0110");
        assertThat(contract.excludedSettings()).containsExactly(3);
        assertThat(contract.exclusions()).containsExactlyInAnyOrder(
                new Exclusion(3, null, LocalDate.of(YEAR, 1, 1), null, null),
                new Exclusion(null, "GR0110", LocalDate.of(YEAR, 1, 1), null, null));

        Map<String, Object> group = declaration("EXO-1-" + contractId, contractId, 1_000);
        group.put("treatmentDate", YEAR + "-01-01");
        group.put("prestatieCode", "GR0110");
        Map<String, Object> multidisciplinary = declaration("EXO-2-" + contractId, contractId, 1_000);
        multidisciplinary.put("setting", 3);
        Map<String, Object> consult = declaration("EXO-3-" + contractId, contractId, 1_000);
        List<DeclarationResult> results = declare(group, multidisciplinary, consult).as(DeclarationResults.class)
                .results();
        assertThat(results.get(0).status()).isEqualTo("REJECTED");
        assertThat(results.get(0).reason()).contains("GR0110", "excluded", "from " + YEAR + "-01-01");
        assertThat(results.get(1).status()).isEqualTo("REJECTED");
        assertThat(results.get(1).reason()).contains("setting 3", "excluded");
        assertThat(results.get(2).status()).isEqualTo("ACCEPTED");
    }

    @Test
    void anOfferCannotLeaveOutASettingItDoesNotCoverNorEverySettingItCovers_seed002_5_4() {
        Map<String, Object> notOffered = institution(newInsurer(), newProvider());
        notOffered.put("excludedSettings", List.of(5));
        assertProblem(api.post("/api/contracts", notOffered), 422, "setting 5 is not part of the offer");
        Map<String, Object> everything = institution(newInsurer(), newProvider());
        everything.put("excludedSettings", List.of(2, 3));
        assertProblem(api.post("/api/contracts", everything), 422, "excludes every setting it covers");
    }

    @Test
    void anAmendmentHoldsFromItsEffectiveDateAndABackdatedOneNeedsAReason_seed002_5_4() {
        String contractId = signedContract(newInsurer(), newProvider(), 1_000_000);
        LocalDate effective = LocalDate.of(YEAR, 6, 1);
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("excludedPrestatieCodes", List.of("CO0142"));
        amendment.put("reason", "prestatie niet meer ingekocht");
        amendment.put("effectiveDate", effective.toString());
        // before today: only with the purchaser's reason, which is recorded
        assertProblem(api.post("/api/contracts/" + contractId + "/amendments", amendment), 422, "backdatingReason",
                "before today");
        assertThat(readContract(contractId).exclusions()).isEmpty();

        amendment.put("backdatingReason", "afspraak in het inkoopgesprek van 28 mei");
        Api.Response amended = api.post("/api/contracts/" + contractId + "/amendments", amendment);
        assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
        Exclusion exclusion = amended.as(Contract.class).exclusions().get(0);
        assertThat(exclusion.prestatieCode()).isEqualTo("CO0142");
        assertThat(exclusion.from()).isEqualTo(effective);
        assertThat(exclusion.amendedAt()).isNotNull();
        assertThat(exclusion.backdatingReason()).isEqualTo("afspraak in het inkoopgesprek van 28 mei");

        // a declaration is judged by the exclusions in force on its treatment date
        Map<String, Object> before = declaration("EFF-1-" + contractId, contractId, 1_000);
        before.put("treatmentDate", YEAR + "-05-31");
        Map<String, Object> from = declaration("EFF-2-" + contractId, contractId, 1_000);
        from.put("treatmentDate", YEAR + "-06-01");
        List<String> statuses = declare(before, from).as(DeclarationResults.class).statuses();
        assertThat(statuses).containsExactly("ACCEPTED", "REJECTED");

        Map<String, Object> outsideTheTerm = new LinkedHashMap<>(amendment);
        outsideTheTerm.put("excludedSettings", List.of(3));
        outsideTheTerm.put("effectiveDate", (YEAR + 1) + "-01-01");
        assertProblem(api.post("/api/contracts/" + contractId + "/amendments", outsideTheTerm), 422,
                "lies outside the term");
    }

    // --- termination (seed 001: paid "op basis van de ingediende en goedgekeurde declaraties") ---

    @Test
    void aTerminationNeverTakesEffectBeforeTheLatestCareAcceptedOnTheContract_seed001() {
        String contractId = signedContract(newInsurer(), newProvider(), 1_000_000);
        Map<String, Object> care = declaration("TRM-1-" + contractId, contractId, 1_000);
        care.put("treatmentDate", YEAR + "-03-10");
        assertThat(declare(care).as(DeclarationResults.class).first().status()).isEqualTo("ACCEPTED");

        assertProblem(api.post("/api/contracts/" + contractId + "/termination",
                        Map.of("reason", "praktijk gesloten", "effectiveDate", YEAR + "-03-09")), 422,
                "care on " + YEAR + "-03-10 was declared and accepted", "terminate on " + YEAR + "-03-10 or later");
        assertThat(readContract(contractId).status()).isEqualTo("SIGNED");

        Api.Response terminated = api.post("/api/contracts/" + contractId + "/termination",
                Map.of("reason", "praktijk gesloten", "effectiveDate", YEAR + "-03-10"));
        assertThat(terminated.status()).as(terminated.raw()).isEqualTo(200);
        assertThat(terminated.as(Contract.class).terminationEffectiveDate()).isEqualTo(LocalDate.of(YEAR, 3, 10));
    }

    // --- helpers ---

    private Map<String, Object> institution(String insurer, String provider) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", 1_000_000);
        body.put("providerAgb", provider);
        return body;
    }

    /** An independent's offer as the seeds make it: setting 1 (seed 001), two calendar years (seed 002 §5.2). */
    private Map<String, Object> independent(String insurer, String provider) {
        Map<String, Object> body = institution(insurer, provider);
        body.put("providerType", "INDEPENDENT");
        body.put("settings", settingsFor("INDEPENDENT"));
        body.put("termEnd", (YEAR + 1) + "-12-31");
        return body;
    }

    private String offered(Map<String, Object> body) {
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        return offered.text("contractId");
    }

    private static void assertProblem(Api.Response response, int status, String... details) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.as(Problem.class).detail()).contains(details);
    }
}
