package nl.ggz.contracts.api;

import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For tests of rules that hang on the date: the server's clock ({@link MovableClock}, the one every
 * application test has) is set to a Dutch calendar
 * day of the test's choosing, and back to today after each test.
 */
abstract class ServerDateTest extends ReportingTest {

    @Autowired
    protected MovableClock clock;

    /** Tokens are checked against real time: they are issued in real time, whatever day the server lives on. */
    @BeforeEach
    void tokensInRealTime() {
        api.mintTokensWith(clock::inRealTime);
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** From now on the server lives on this Dutch calendar day (at today's clock time). */
    protected void serverDate(LocalDate day) {
        clock.shiftDays((int) ChronoUnit.DAYS.between(today(), day));
    }

    /** Thirty days after the later of the server's (moved) now and real time. */
    protected java.time.Instant openUntil() {
        java.time.Instant later = clock.instant().isAfter(now()) ? clock.instant() : now();
        return later.plus(java.time.Duration.ofDays(30));
    }

    /** Publishes the insurer's policy for the year; fields left out keep their defaults. */
    protected void policy(String insurer, int year, Map<String, Object> fields) {
        Api.Response answer = api.put("/api/policies/" + insurer + "/" + year, fields);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    /** Offers a one-year contract of the kind for {@code year} to a new provider, and has it signed. */
    protected String signedFor(String insurer, String kind, int year, long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, kind, ceilingCents);
        body.put("providerAgb", newProvider());
        body.put("termStart", year + "-01-01");
        body.put("termEnd", year + "-12-31");
        // open on both clocks: the server judges it by its own (moved) one, the deadline runs on the scheduler's (real)
        body.put("offerExpiresAt", openUntil().toString());
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");
        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

    /** One declaration line of care given on {@code day}. */
    protected static Map<String, Object> care(String id, String contractId, LocalDate day, long amountCents) {
        Map<String, Object> line = new LinkedHashMap<>(declaration(id, contractId, amountCents));
        line.put("treatmentDate", day.toString());
        return line;
    }

    /** The answer of the claims system's batch for one line. */
    protected Responses.DeclarationResult declareOne(Map<String, Object> line) {
        Api.Response answer = declareAll(List.of(line));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.as(Responses.DeclarationResults.class).first();
    }
}
