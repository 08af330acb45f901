package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.LogCheckpoint;
import nl.ggz.contracts.audit.TimestampToken;
import nl.ggz.contracts.eventstore.log.LogTimestampProperties;
import nl.ggz.contracts.eventstore.log.LogTimestamper;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18, timestamps (RFC 3161): the heads of the logs that grew are timestamped by the configured TSA — the
 * SHA-256 of the checkpoint's note body, with a nonce — and the TSA's reply is served next to the checkpoint of that
 * size, where the regulator's verifier (reading the DER by hand) accepts it for that note body and the TSA's
 * certificate. A TSA that is down, or answers for another request, is logged and asked again later: nothing is kept
 * from it, no reader gets a 5xx, and ingestion does not wait for it.
 */
class LogTimestampTest extends ApplicationTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private VerifiableLog log;

    @Autowired
    private LogTimestamper timestamper;

    @Test
    void theHeadsThatGrewAreTimestampedAndTheReplyHoldsForTheCheckpointOfThatSize() throws Exception {
        String insurer = newInsurer();
        awaitLogged(insurer, eventPosition(signedContract(insurer, 1_000_000), 1));
        try (TestTimestampAuthority tsa = new TestTimestampAuthority(0)) {
            Instant before = Instant.now().minusSeconds(1);
            assertThat(timestamper.timestampHeads(tsa.url())).isGreaterThanOrEqualTo(2); // the global log and this one

            HttpResponse<byte[]> reply = api.as(Api.Identity.purchaser(insurer)).getBytes(
                    "/api/audit/log/checkpoint/timestamp?insurer=" + insurer);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type")).contains("application/timestamp-reply");
            long size = Long.parseLong(reply.headers().firstValue("Log-Tree-Size").orElseThrow());
            String note = api.as(Api.Identity.purchaser(insurer)).getText("/api/audit/log/checkpoint?insurer="
                    + insurer + "&size=" + size, null).body();
            LogCheckpoint checkpoint = LogCheckpoint.parse(note);
            TimestampToken token = TimestampToken.read(reply.body());
            assertThat(token.problem(checkpoint.body(), tsa.certificate())).isNull();
            assertThat(token.genTime()).isBetween(before, Instant.now().plusSeconds(1));
            // the same reply by size, and none for a size never timestamped
            assertThat(api.as(Api.Identity.regulator()).getBytes("/api/audit/log/checkpoint/timestamp?insurer="
                    + insurer + "&size=" + size).body()).isEqualTo(reply.body());
            if (size > 1) {
                Api.Response none = api.as(Api.Identity.regulator()).get("/api/audit/log/checkpoint/timestamp?insurer="
                        + insurer + "&size=" + (size - 1));
                assertThat(none.status()).isEqualTo(404);
                assertThat(none.body().path("detail").asText()).isEqualTo("no head of size " + (size - 1) + " of "
                        + log.origin(insurer) + " is timestamped");
            }

            // a log that did not grow is not timestamped again
            long rows = jdbc.queryForObject("SELECT count(*) FROM audit_log_timestamp WHERE log = ?", Long.class,
                    insurer);
            timestamper.timestampHeads(tsa.url());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_timestamp WHERE log = ?", Long.class,
                    insurer)).isEqualTo(rows).isEqualTo(1);
        }
    }

    @Test
    void aTSAThatIsDownOrAnswersWronglyIsAskedAgainLaterAndNothingOfItIsKept() throws Exception {
        String insurer = newInsurer();
        awaitLogged(insurer, eventPosition(signedContract(insurer, 1_000_000), 1));
        int port = TestTimestampAuthority.freePort();
        String url = "http://127.0.0.1:" + port + "/tsr";
        assertThatThrownBy(() -> timestamper.timestampHeads(url)).isInstanceOf(IOException.class);
        try (TestTimestampAuthority wrong = new TestTimestampAuthority(0)) {
            wrong.answerWrongly = true;
            assertThatThrownBy(() -> timestamper.timestampHeads(wrong.url())).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the TSA's reply does not hold");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_timestamp WHERE log = ?", Long.class, insurer))
                .isZero();
        // a reader asks meanwhile: a 404 problem, never a 5xx
        Api.Response none = api.as(Api.Identity.regulator()).get("/api/audit/log/checkpoint/timestamp?insurer="
                + insurer);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().path("detail").asText()).isEqualTo("no head of " + log.origin(insurer)
                + " is timestamped yet");

        // the timestamper's own thread: the TSA down at first, up a moment later, and the head is timestamped
        LogTimestamper running = new LogTimestamper(dataSource, log, new LogTimestampProperties(url,
                Duration.ofMillis(200), Duration.ofSeconds(2)));
        running.start();
        try {
            Thread.sleep(600);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_timestamp WHERE log = ?", Long.class,
                    insurer)).isZero();
            // ingestion went on meanwhile
            assertThat(signedContract(insurer, 2_000_000)).isNotBlank();
            try (TestTimestampAuthority tsa = new TestTimestampAuthority(port)) {
                await().until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log_timestamp WHERE log = ?",
                        Long.class, insurer) == 1);
                assertThat(tsa.requests()).isPositive();
            }
        } finally {
            running.stop();
        }
    }

    private void awaitLogged(String insurer, long position) {
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log_leaf WHERE log = ? AND position = ?",
                Long.class, insurer, position) == 1);
    }
}
