package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seed 003 §4.2: how long decisions on increase requests take — within 4 weeks, 1 to 3 months, over 3 months, or
 * still open — and requests decided too late. The server's clock is moved by whole days between request and decision.
 */
class DecisionLeadTimeTest extends ReportingTest {

    @Autowired
    private MovableClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void leadTimesAreCountedInDutchDaysFromRequestToDecisionAndCutAt28And92Days() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signed(insurer, "INSTITUTION", "94200001", YEAR, YEAR, 10_000_000);
        awaitReportingCaughtUp();
        JsonNode before = monitor(YEAR).path("byProviderType");

        String after28 = requestIncrease(contractId, 100_000);
        String after29 = requestIncrease(contractId, 100_000);
        String after92 = requestIncrease(contractId, 100_000);
        String after93 = requestIncrease(contractId, 100_000);
        requestIncrease(contractId, 100_000);
        clock.shiftDays(28);
        approve(contractId, after28, 100_000);
        clock.shiftDays(29);
        approve(contractId, after29, 50_000);
        clock.shiftDays(92);
        reject(contractId, after92);
        clock.shiftDays(93);
        reject(contractId, after93);

        await().untilAsserted(() -> assertThat(difference(before, monitor(YEAR).path("byProviderType")))
                .isEqualTo(Map.of(
                        "INSTITUTION.increaseRequests", 5L,
                        "INSTITUTION.increaseRequestsHonoured", 2L,
                        "INSTITUTION.increaseRequestsRejected", 2L,
                        // rejected on grounds alone: no reason the NZa could count
                        "INSTITUTION.rejectionReasons.NONE_STATED", 2L,
                        "INSTITUTION.decisionLeadTimes.WITHIN_4_WEEKS", 1L,
                        "INSTITUTION.decisionLeadTimes.ONE_TO_3_MONTHS", 2L,
                        "INSTITUTION.decisionLeadTimes.OVER_3_MONTHS", 1L,
                        "INSTITUTION.decisionLeadTimes.OPEN", 1L)));
        ContractingMonitorTest.assertSharesFollowTheCounts(monitor(YEAR));
    }

    @Test
    void requestPastItsDecisionPeriodCountsAsOverdueAndStaysOverdueOnceDecided() {
        String insurer = newInsurer();
        // a one-day decision period, and a window that was already open two days ago
        Api.Response policy = api.put("/api/policies/" + insurer + "/" + YEAR, Map.of(
                "increaseWindowStart", (YEAR - 1) + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", YEAR + "-12-31T17:00:00+01:00",
                "decisionPeriodDays", 1));
        assertThat(policy.status()).as(policy.body().toString()).isEqualTo(200);
        String contractId = signed(insurer, "INSTITUTION", "94200002", YEAR, YEAR, 1_000_000);
        awaitReportingCaughtUp();
        JsonNode before = monitor(YEAR).path("byProviderType");

        // requested two real days ago: the decision was due yesterday, and the deadline (on the scheduler's real
        // clock) fires at once
        clock.shiftDays(-2 - MovableClock.BASE_SHIFT);
        String requestId = requestIncrease(contractId, 100_000);
        clock.reset();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                difference(before, monitor(YEAR).path("byProviderType"))).isEqualTo(Map.of(
                        "INSTITUTION.increaseRequests", 1L,
                        "INSTITUTION.increaseRequestsOverdue", 1L,
                        "INSTITUTION.decisionLeadTimes.OPEN", 1L)));

        // decided today in real time: two days after the request
        clock.shiftDays(-MovableClock.BASE_SHIFT);
        approve(contractId, requestId, 100_000);
        clock.reset();
        await().untilAsserted(() -> assertThat(difference(before, monitor(YEAR).path("byProviderType")))
                .isEqualTo(Map.of(
                        "INSTITUTION.increaseRequests", 1L,
                        "INSTITUTION.increaseRequestsHonoured", 1L,
                        "INSTITUTION.increaseRequestsOverdue", 1L,
                        "INSTITUTION.decisionLeadTimes.WITHIN_4_WEEKS", 1L)));
    }
}
