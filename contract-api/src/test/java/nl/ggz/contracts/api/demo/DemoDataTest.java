package nl.ggz.contracts.api.demo;

import nl.ggz.contracts.demo.DemoCast;
import nl.ggz.contracts.demo.DemoData;
import nl.ggz.contracts.demo.DemoInsurer;
import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api;
import nl.ggz.contracts.api.ApplicationTest;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        properties = {"ggz.demo.enabled=true", "ggz.demo.scale=10", "test.server-clock=real"})
// no other class shares this context: closed after the class, not left for the JVM's exit with the cached ones
@DirtiesContext
class DemoDataTest extends ApplicationTest {

    /**
     * The demo's story runs on real time (its deadlines fall due on the scheduler's real clock), so this context's
     * server clock is real time, and its year the real one: not the other tests' moved day (MovableClock).
     */
    private static final int YEAR = LocalDate.now(DomainTime.AMSTERDAM).getYear();

    private static final List<String> INSURERS = DemoCast.INSURERS.stream().map(DemoInsurer::uzovi).toList();

    @Autowired
    DemoData demo;

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
        String contractId = raisedContract().path("contractId").asText();
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

    /**
     * The timeline reads as a year of history, not as the minute of the first start: offered in the autumn before
     * the year, signed before 1 January, a claims batch received in the night after each month, the 70 % report on
     * the day of the batch that crossed it, a decision days after the request and the addendum signed after it.
     */
    @Test
    void aContractTimelineIsDatedAtTheMomentsOfItsStory() {
        JsonNode raised = raisedContract();
        String contractId = raised.path("contractId").asText();
        String ceilingId = raised.path("ceilingId").asText();
        LocalDate today = LocalDate.now(DomainTime.AMSTERDAM);
        await().untilAsserted(() -> {
            JsonNode timeline = get("/api/contracts/" + contractId + "/timeline");
            Instant offered = at(timeline, "ContractOffered");
            Instant signed = at(timeline, "ContractSigned");
            assertThat(DomainTime.dateOf(offered)).as("offered in the autumn before the year")
                    .isBetween(LocalDate.of(YEAR - 1, 9, 1), LocalDate.of(YEAR - 1, 11, 11));
            assertThat(signed).isAfter(offered).isBefore(DomainTime.startOf(LocalDate.of(YEAR, 1, 1)));

            List<LocalDate> received = new ArrayList<>();
            timeline.forEach(e -> {
                if (e.path("type").asText().equals("DeclarationsReceived")) {
                    received.add(DomainTime.dateOf(Instant.parse(e.path("at").asText())));
                }
            });
            List<LocalDate> monthByMonth = new ArrayList<>();
            for (int month = 2; month <= today.getMonthValue(); month++) {
                monthByMonth.add(LocalDate.of(YEAR, month, 1));
            }
            assertThat(received).as("each month's claims, received in the night after it")
                    .containsExactlyElementsOf(monthByMonth);

            JsonNode report = threshold(get("/api/ceilings/" + ceilingId), 70);
            LocalDate reached = DomainTime.dateOf(Instant.parse(report.path("reachedAt").asText()));
            assertThat(reached).as("70 % reached with one of the year's batches").isIn(monthByMonth);
            assertThat(DomainTime.dateOf(at(timeline, "CeilingThresholdReached"))).isEqualTo(reached);

            Instant requested = at(timeline, "IncreaseRequested");
            Instant decided = at(timeline, "IncreaseApproved");
            Instant addendumSigned = at(timeline, "AddendumSigned");
            assertThat(DomainTime.dateOf(requested)).as("requested after the 70 % report").isAfter(reached);
            assertThat(Duration.between(requested, decided)).as("decided days after the request")
                    .isGreaterThanOrEqualTo(Duration.ofDays(7));
            assertThat(addendumSigned).isAfter(decided).isBefore(decided.plus(Duration.ofDays(8)));

            List<Instant> moments = new ArrayList<>();
            timeline.forEach(e -> moments.add(Instant.parse(e.path("at").asText())));
            assertThat(moments).as("in the order they happened").isSorted();
            assertThat(moments.get(moments.size() - 1)).as("nothing after the first start").isBefore(Instant.now());
            assertThat(Duration.between(moments.get(0), moments.get(moments.size() - 1)))
                    .as("a year of history, not the minutes of the first start").isGreaterThan(Duration.ofDays(300));
        });
    }

    /** The deadlines fire after the history is written, dated when they fell due: the offer's expiry, the decision's. */
    @Test
    void theStorysDeadlinesAreDatedWhenTheyFellDue() {
        await().untilAsserted(() -> {
            JsonNode expired = null;
            for (String insurer : INSURERS) {
                for (JsonNode contract : get("/api/contracts?insurer=" + insurer + "&status=EXPIRED")) {
                    expired = contract;
                }
            }
            assertThat(expired).as("an expired offer").isNotNull();
            String contractId = expired.path("contractId").asText();
            Instant expiresAt = Instant.parse(get("/api/contracts/" + contractId).path("offerExpiresAt").asText());
            JsonNode timeline = get("/api/contracts/" + contractId + "/timeline");
            assertThat(at(timeline, "ContractOfferExpired")).isEqualTo(expiresAt)
                    .isBefore(DomainTime.startOf(LocalDate.of(YEAR, 1, 1)));

            JsonNode overdue = null;
            for (String insurer : INSURERS) {
                for (JsonNode request : get("/api/monitoring/increase-requests?insurer=" + insurer)) {
                    if (request.path("overdue").asBoolean()) {
                        overdue = request;
                    }
                }
            }
            assertThat(overdue).as("an overdue request").isNotNull();
            Instant due = Instant.parse(overdue.path("decisionDueAt").asText());
            JsonNode ceilingTimeline = get("/api/contracts/"
                    + CeilingIds.contractIdOf(overdue.path("ceilingId").asText()) + "/timeline");
            assertThat(at(ceilingTimeline, "IncreaseDecisionOverdue")).isEqualTo(due).isBefore(Instant.now());
        });
    }

    /**
     * Appended now by several threads, with the story's timestamps: each aggregate's events are stored in the order of
     * their moments (so Axon's replay, point in time and the per-stream hash chain agree with the dates), and none is
     * dated after the first start. The earliest are the purchasing policies, on 1 April before the year (seed 000).
     */
    @Test
    void everyStreamIsStoredInTheOrderOfItsMomentsAndNoneLiesAhead() {
        Long backwards = jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT timestamp::timestamptz < lag(timestamp::timestamptz)
                        OVER (PARTITION BY aggregateidentifier ORDER BY sequencenumber) AS back
                    FROM domainevententry) events
                WHERE back
                """, Long.class);
        assertThat(backwards).as("events dated before their predecessor in the stream").isZero();
        Instant latest = jdbc.queryForObject("SELECT max(timestamp::timestamptz) FROM domainevententry",
                java.sql.Timestamp.class).toInstant();
        assertThat(latest).isBefore(Instant.now());
        Instant earliest = jdbc.queryForObject("SELECT min(timestamp::timestamptz) FROM domainevententry",
                java.sql.Timestamp.class).toInstant();
        // last year's policy, published on 1 April before last year (its contracts are settled this spring)
        assertThat(earliest).isEqualTo(LocalDate.of(YEAR - 2, 4, 1).atTime(9, 0).atZone(DomainTime.AMSTERDAM)
                .toInstant());
    }

    /** Point in time reads the story's dates: before the offer nothing, before the addendum the initial ceiling. */
    @Test
    void aContractAsOfADayOfItsStoryIsAsItWasThen() {
        JsonNode raised = raisedContract();
        String contractId = raised.path("contractId").asText();
        String ceilingId = raised.path("ceilingId").asText();
        long initial = raised.path("initialCeilingCents").asLong();
        await().untilAsserted(() -> {
            JsonNode timeline = get("/api/contracts/" + contractId + "/timeline");
            Instant offered = at(timeline, "ContractOffered");
            Instant addendumSigned = at(timeline, "AddendumSigned");

            assertThat(api.get("/api/contracts/" + contractId + "?asOf=" + offered.minusSeconds(60)).status())
                    .as("not offered yet").isEqualTo(404);
            JsonNode before = get("/api/contracts/" + contractId + "?asOf=" + addendumSigned.minusSeconds(60));
            assertThat(before.path("status").asText()).isEqualTo("SIGNED");
            assertThat(ceilingCents(before, ceilingId)).isEqualTo(initial);
            JsonNode after = get("/api/contracts/" + contractId + "?asOf=" + addendumSigned);
            assertThat(ceilingCents(after, ceilingId)).isGreaterThan(initial);
        });
    }

    /**
     * The yearly renewal in the story (seed 000: next year's contracts are concluded in the autumn; seed 001: offered
     * on this year's ceiling "inclusief eventuele verhoging", accepted by 10 November): on 5 October the purchasers
     * renewed the year's signed contracts through the yearly round, raises signed before it carried over, and most
     * providers signed their renewal.
     */
    @Test
    void thePurchasersRenewedTheYearsContractsOnFiveOctoberWithTheCeilingInForce() {
        Instant renewal = LocalDate.of(YEAR, 10, 5).atTime(10, 0).atZone(DomainTime.AMSTERDAM).toInstant();
        assumeTrue(Instant.now().isAfter(renewal.plus(Duration.ofDays(1))),
                "the demo renews the year's contracts on 5 October; before, it leaves out the future");
        await().untilAsserted(() -> {
            int carried = 0;
            for (JsonNode row : ceilingRows()) {
                if (row.path("ceilingCents").asLong() <= row.path("initialCeilingCents").asLong()) {
                    continue;
                }
                JsonNode ceiling = get("/api/ceilings/" + row.path("ceilingId").asText());
                boolean raisedBefore = true;
                for (JsonNode addendum : ceiling.path("addenda")) {
                    raisedBefore &= !addendum.path("signedAt").isNull()
                            && Instant.parse(addendum.path("signedAt").asText()).isBefore(renewal);
                }
                JsonNode contract = get("/api/contracts/" + row.path("contractId").asText());
                if (!raisedBefore || contract.path("renewedAs").isNull()) {
                    continue;
                }
                JsonNode offer = get("/api/contracts/" + contract.path("renewedAs").asText());
                assertThat(offer.path("renewalOf").asText()).isEqualTo(contract.path("contractId").asText());
                assertThat(offer.path("ceilingCents").asLong()).as("the ceiling in force, raise included")
                        .isEqualTo(ceiling.path("ceilingCents").asLong());
                assertThat(offer.path("termStart").asText()).isEqualTo((YEAR + 1) + "-01-01");
                carried++;
            }
            assertThat(carried).as("renewals that carried a raise signed before 5 October").isPositive();

            Set<String> statuses = new HashSet<>();
            String renewed = null;
            for (String insurer : INSURERS) {
                for (JsonNode summary : get("/api/contracts?insurer=" + insurer + "&year=" + (YEAR + 1))) {
                    JsonNode offer = get("/api/contracts/" + summary.path("contractId").asText());
                    if (!offer.path("renewalOf").isNull()) {
                        statuses.add(offer.path("status").asText());
                        renewed = offer.path("renewalOf").asText();
                    }
                }
            }
            assertThat(statuses).as("renewals signed, and others declined or left unsigned").contains("SIGNED")
                    .hasSizeGreaterThan(1);
            JsonNode line = entry(get("/api/contracts/" + renewed + "/timeline"), "ContractRenewed");
            assertThat(DomainTime.dateOf(Instant.parse(line.path("at").asText()))).isEqualTo(LocalDate.of(YEAR, 10, 5));
            assertThat(line.path("actor").asText()).startsWith("inkoper@");
        });
    }

    /**
     * Issue 14: the story keeps the contracting rules of the seeds — not one of its commands or claims lines was
     * refused — and shows what the pages need of them: independents contracted for setting 1 (seed 001), at Zorg en
     * Zekerheid for the monodisciplinary setting 2 (seed 002 §5.1); a provider's proposal accepted by the purchaser
     * and then signed (seed 000); tariffs per setting (seed 001); a prestatie left out by the offer (seed 002 §5.4).
     */
    @Test
    void theDemoFollowsTheContractingRulesOfTheSeedsAndShowsThem() {
        assertThat(demo.refused()).as("demo commands and claims lines refused").isZero();
        List<Map<String, Object>> independents = jdbc.queryForList("SELECT insurer_uzovi, settings::text AS settings "
                + "FROM contract_state WHERE provider_type = 'INDEPENDENT'");
        assertThat(independents).isNotEmpty().allSatisfy(row -> assertThat(row.get("settings"))
                .as(row.toString()).isEqualTo("3313".equals(row.get("insurer_uzovi")) ? "{2}" : "{1}"));
        assertThat(independents).anyMatch(row -> "3313".equals(row.get("insurer_uzovi")));

        String accepted = jdbc.queryForObject("SELECT min(contract_id) FROM contract_state WHERE proposal_accepted "
                + "AND status = 'SIGNED'", String.class);
        assertThat(accepted).as("a signed contract on the provider's proposal, accepted by the purchaser").isNotNull();
        JsonNode agreed = get("/api/contracts/" + accepted);
        assertThat(agreed.path("lastProposedBy").asText()).isEqualTo("PROVIDER");
        assertThat(agreed.path("proposalAccepted").asBoolean()).isTrue();
        assertThat(agreed.path("acceptedBy").asText()).startsWith("afdeling zorginkoop GGZ");

        String differentiated = jdbc.queryForObject("SELECT min(contract_id) FROM contract_state WHERE "
                + "tariff_percentage IS NULL", String.class);
        assertThat(differentiated).as("a contract with tariffs per setting").isNotNull();
        JsonNode tariffs = get("/api/contracts/" + differentiated).path("tariffPercentages");
        Set<String> percentages = new HashSet<>();
        tariffs.forEach(tariff -> percentages.add(tariff.decimalValue().toPlainString()));
        assertThat(percentages).hasSizeGreaterThan(1);

        String leftOut = jdbc.queryForObject("SELECT min(contract_id) FROM contract_exclusion WHERE amended_at IS NULL",
                String.class);
        assertThat(leftOut).as("an offer that left a prestatie out").isNotNull();
        JsonNode exclusion = get("/api/contracts/" + leftOut).path("exclusions").get(0);
        assertThat(exclusion.path("prestatieCode").asText()).isEqualTo("GR0110");
        assertThat(exclusion.path("amendedAt").isNull()).isTrue();
    }

    /**
     * Issue 15: last year's contracts were settled in the spring (seed 000: settlement continues into the next year)
     * with their final figures, some with a recovery after the settlement; Zorg en Zekerheid contracts supplementary
     * (seed 002 §6.3: announced up to and including 1 October, decided by 31 March of the next year) within a cap of
     * its own; rejections name their reasons for the NZa figures (seed 003). Nothing of it was refused.
     */
    @Test
    void lastYearIsSettledAndZorgEnZekerheidContractsSupplementary() {
        assertThat(demo.refused()).as("demo commands and claims lines refused").isZero();
        // the read models follow the story: wait until the tracking processors have caught up
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            String settled = jdbc.queryForObject("SELECT min(ceiling_id) FROM ceiling_state WHERE contract_year = ? "
                    + "AND settled_at IS NOT NULL", String.class, YEAR - 1);
            assertThat(settled).as("a settled ceiling of last year").isNotNull();
            JsonNode ceiling = get("/api/ceilings/" + settled);
            Instant settledAt = Instant.parse(ceiling.path("settledAt").asText());
            assertThat(DomainTime.dateOf(settledAt)).isAfter(LocalDate.of(YEAR - 1, 12, 31));
            JsonNode settlement = ceiling.path("settlement");
            assertThat(settlement.path("declaredCents").asLong()).isPositive()
                    .isEqualTo(settlement.path("payableCents").asLong() + settlement.path("unpaidCents").asLong());
            Long recovered = jdbc.queryForObject("SELECT count(*) FROM ceiling_state WHERE "
                    + "recovered_after_settlement_cents > 0", Long.class);
            assertThat(recovered).as("recoveries after a settlement").isPositive();
            assertThat(get("/api/reports/contracting-monitor?year=" + (YEAR - 1)).path("byProviderType").toString())
                    .contains("ceilingsSettled");

            JsonNode zz = get("/api/policies/3313/" + YEAR);
            assertThat(zz.path("increaseRegime").asText()).isEqualTo("SUPPLEMENTARY_CONTRACTING");
            assertThat(zz.path("announceBy").asText()).isEqualTo(YEAR + "-10-01");
            assertThat(zz.path("decisionDueBy").asText()).isEqualTo((YEAR + 1) + "-03-31");
            assertThat(zz.path("increaseCapPercent").asInt()).isNotEqualTo(get("/api/policies/7095/" + YEAR)
                    .path("increaseCapPercent").asInt());
            Long zzRequests = jdbc.queryForObject("SELECT count(*) FROM increase_request r JOIN ceiling_state c "
                    + "ON c.ceiling_id = r.ceiling_id WHERE c.insurer_uzovi = '3313'", Long.class);
            assertThat(zzRequests).as("requests for supplementary contracting at Zorg en Zekerheid").isPositive();

            JsonNode monitor = get("/api/reports/contracting-monitor?year=" + YEAR).path("byProviderType");
            long listed = 0;
            for (String reason : List.of("ALTERNATIVE_CARE_AVAILABLE", "COST_NOT_JUSTIFIED", "PRODUCTION_MONITOR_MISSING",
                    "DUTY_OF_CARE_MET")) {
                listed += sum(monitor, "rejectionReasons", reason);
            }
            assertThat(listed).as("rejections with a listed reason").isPositive();
            assertThat(sum(monitor, "rejectionReasons", "NONE_STATED")).isZero();
        });
    }

    /** A negotiated contract whose ceiling an addendum raised, or any raised one. */
    private JsonNode raisedContract() {
        List<JsonNode> raised = ceilingRows().stream()
                .filter(r -> r.path("ceilingCents").asLong() > r.path("initialCeilingCents").asLong())
                .toList();
        return raised.stream().filter(r -> r.path("kind").asText().equals("NEGOTIATED")).findFirst()
                .orElseGet(() -> raised.stream().findFirst().orElseThrow());
    }

    private static JsonNode entry(JsonNode timeline, String type) {
        for (JsonNode entry : timeline) {
            if (entry.path("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("no " + type + " in the timeline " + timeline);
    }

    private static Instant at(JsonNode timeline, String type) {
        return Instant.parse(entry(timeline, type).path("at").asText());
    }

    private static long ceilingCents(JsonNode contract, String ceilingId) {
        for (JsonNode ceiling : contract.path("ceilings")) {
            if (ceiling.path("ceilingId").asText().equals(ceilingId)) {
                return ceiling.path("ceilingCents").asLong();
            }
        }
        throw new AssertionError("no ceiling " + ceilingId + " on " + contract);
    }

    private static JsonNode threshold(JsonNode ceiling, int percent) {
        for (JsonNode threshold : ceiling.path("thresholds")) {
            if (threshold.path("percent").asInt() == percent) {
                return threshold;
            }
        }
        throw new AssertionError("no " + percent + " % threshold on " + ceiling);
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
