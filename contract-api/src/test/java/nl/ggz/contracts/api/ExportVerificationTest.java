package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.ExportVerifier;
import nl.ggz.contracts.audit.Tampering;
import nl.ggz.contracts.audit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier on real exports: a lifecycle driven through the API, exported through the API, then tampered
 * with in the database the only way the append-only trigger allows (a superuser disabling it).
 */
class ExportVerificationTest extends ApplicationTest {

    @Autowired
    private DataSource dataSource;

    private SuperuserTampering tampering;

    @BeforeEach
    void tampering() {
        tampering = new SuperuserTampering(dataSource);
    }

    @Test
    void anUntouchedExportVerifies() {
        String contractId = contractWithFourDeclarations("V");
        Verdict verdict = verify(export(contractId));
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).startsWith("OK: " + (2 + 1 + 4) + " events in 2 streams, chains intact");
    }

    @Test
    void onePayloadByteAlteredInTheDatabaseIsReportedAlteredAtThatEvent() {
        String contractId = contractWithFourDeclarations("V");
        String ceiling = ceilingOf(contractId);
        // the declaration id V-2-… becomes V-9-…: one byte
        tampering.change(ceiling, "UPDATE domainevententry SET payload = overlay(payload PLACING '9'::bytea FROM "
                + "position('V-2-'::bytea IN payload) + 2 FOR 1) WHERE aggregateidentifier = '" + ceiling
                + "' AND sequencenumber = 2 AND position('V-2-'::bytea IN payload) > 0");

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position " + eventPosition(ceiling, 2) + " (aggregate " + ceiling
                + ", sequence 2): the hash does not match the event's content");
    }

    @Test
    void aDeletedEventRowIsReportedMissingAtTheEventAfterIt() {
        String contractId = contractWithFourDeclarations("V");
        String ceiling = ceilingOf(contractId);
        long third = eventPosition(ceiling, 3);
        tampering.change(ceiling, "DELETE FROM domainevententry WHERE aggregateidentifier = '" + ceiling
                + "' AND sequencenumber = 2");

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position " + third + " (aggregate " + ceiling
                + ", sequence 3): sequence 2 of this stream is not in the export");
    }

    @Test
    void twoEventsWithTheirPayloadsSwappedAreReportedAtTheFirstOfThem() {
        String contractId = contractWithFourDeclarations("V");
        String ceiling = ceilingOf(contractId);
        tampering.change(ceiling, """
                UPDATE domainevententry e SET payload = o.payload
                FROM domainevententry o
                WHERE e.aggregateidentifier = '%1$s' AND o.aggregateidentifier = '%1$s'
                  AND ((e.sequencenumber = 2 AND o.sequencenumber = 3) OR (e.sequencenumber = 3 AND o.sequencenumber = 2))
                """.formatted(ceiling));

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position " + eventPosition(ceiling, 2) + " (aggregate " + ceiling);
    }

    @Test
    void twoEventsWithTheirSequenceNumbersSwappedAreReportedAtTheFirstOfThem() {
        String contractId = contractWithFourDeclarations("V");
        String ceiling = ceilingOf(contractId);
        long second = eventPosition(ceiling, 2);
        tampering.change(ceiling,
                "UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = '" + ceiling
                        + "' AND sequencenumber = 2",
                "UPDATE domainevententry SET sequencenumber = 2 WHERE aggregateidentifier = '" + ceiling
                        + "' AND sequencenumber = 3",
                "UPDATE domainevententry SET sequencenumber = 3 WHERE aggregateidentifier = '" + ceiling
                        + "' AND sequencenumber = -1");

        Verdict verdict = verify(export(contractId));
        // the sequence number is hashed: the first of the two no longer matches its hash
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position " + second + " (aggregate " + ceiling
                + ", sequence 3)");
    }

    private String export(String contractId) {
        Api.Text answer = api.getText("/api/audit/events?contractId=" + contractId, null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static Verdict verify(String export) {
        try {
            return ExportVerifier.verify(new BufferedReader(new StringReader(export)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void putBackWhatWasTamperedWith() {
        tampering.putBack();
    }
}
