package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.ExportVerifier;
import nl.ggz.contracts.audit.Tampering;
import nl.ggz.contracts.audit.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier on real exports: a lifecycle driven through the API, exported through the API, then tampered
 * with in the database the only way the append-only trigger allows (a superuser disabling it).
 */
class ExportVerificationTest extends ApplicationTest {

    @Autowired
    private DataSource dataSource;

    /** The aggregate whose rows a test changed, to be put back afterwards. */
    private String tampered;

    @Test
    void anUntouchedExportVerifies() {
        String contractId = contractWithDeclarations();
        Verdict verdict = verify(export(contractId));
        assertThat(verdict.intact()).as(verdict.report()).isTrue();
        assertThat(verdict.report()).startsWith("OK: " + (2 + 1 + 4) + " events in 2 streams, chains intact");
    }

    @Test
    void onePayloadByteAlteredInTheDatabaseIsReportedAlteredAtThatEvent() {
        String contractId = contractWithDeclarations();
        String ceiling = ceilingOf(contractId);
        // the declaration id V-2-… becomes V-9-…: one byte
        asSuperuserPastTheTrigger(ceiling, "UPDATE domainevententry SET payload = overlay(payload PLACING '9'::bytea FROM "
                + "position('V-2-'::bytea IN payload) + 2 FOR 1) WHERE aggregateidentifier = '" + ceiling
                + "' AND sequencenumber = 2 AND position('V-2-'::bytea IN payload) > 0");

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position " + position(ceiling, 2) + " (aggregate " + ceiling
                + ", sequence 2): the hash does not match the event's content");
    }

    @Test
    void aDeletedEventRowIsReportedMissingAtTheEventAfterIt() {
        String contractId = contractWithDeclarations();
        String ceiling = ceilingOf(contractId);
        long third = position(ceiling, 3);
        asSuperuserPastTheTrigger(ceiling, "DELETE FROM domainevententry WHERE aggregateidentifier = '" + ceiling
                + "' AND sequencenumber = 2");

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.MISSING);
        assertThat(verdict.report()).startsWith("MISSING at position " + third + " (aggregate " + ceiling
                + ", sequence 3): sequence 2 of this stream is not in the export");
    }

    @Test
    void twoEventsWithTheirPayloadsSwappedAreReportedAtTheFirstOfThem() {
        String contractId = contractWithDeclarations();
        String ceiling = ceilingOf(contractId);
        asSuperuserPastTheTrigger(ceiling, """
                UPDATE domainevententry e SET payload = o.payload
                FROM domainevententry o
                WHERE e.aggregateidentifier = '%1$s' AND o.aggregateidentifier = '%1$s'
                  AND ((e.sequencenumber = 2 AND o.sequencenumber = 3) OR (e.sequencenumber = 3 AND o.sequencenumber = 2))
                """.formatted(ceiling));

        Verdict verdict = verify(export(contractId));
        assertThat(verdict.failure()).as(verdict.report()).isEqualTo(Tampering.ALTERED);
        assertThat(verdict.report()).startsWith("ALTERED at position " + position(ceiling, 2) + " (aggregate " + ceiling);
    }

    @Test
    void twoEventsWithTheirSequenceNumbersSwappedAreReportedAtTheFirstOfThem() {
        String contractId = contractWithDeclarations();
        String ceiling = ceilingOf(contractId);
        long second = position(ceiling, 2);
        asSuperuserPastTheTrigger(ceiling,
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

    /** A signed contract (offered, signed) whose ceiling has four declarations: ceiling sequences 0 to 4. */
    private String contractWithDeclarations() {
        String contractId = signedContract(newInsurer(), 1_000_000);
        for (int i = 1; i <= 4; i++) {
            assertThat(declare(declaration("V-" + i + "-" + contractId, contractId, 2_000 + i)).status()).isEqualTo(200);
        }
        return contractId;
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

    private long position(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND "
                + "sequencenumber = ?", Long.class, aggregateId, sequence);
    }

    /**
     * What only a superuser can do: disable the append-only trigger, change the record, enable it again, atomically.
     * The aggregate's rows are kept aside first and put back after the test: the other test classes share this
     * database, and one of them rebuilds the read models from all events.
     */
    private void asSuperuserPastTheTrigger(String aggregateId, String... changes) {
        List<String> statements = new ArrayList<>();
        statements.add("CREATE TABLE tampered_backup AS SELECT * FROM domainevententry WHERE aggregateidentifier = '"
                + aggregateId + "'");
        statements.add("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only");
        statements.addAll(List.of(changes));
        statements.add("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
        inOneTransaction(statements.toArray(String[]::new));
        tampered = aggregateId;
    }

    @AfterEach
    void putBackWhatWasTamperedWith() {
        if (tampered != null) {
            inOneTransaction("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only",
                    "DELETE FROM domainevententry WHERE aggregateidentifier = '" + tampered + "'",
                    "INSERT INTO domainevententry SELECT * FROM tampered_backup",
                    "DROP TABLE tampered_backup",
                    "ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
            tampered = null;
        }
    }

    private void inOneTransaction(String... statements) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                    if (sql.startsWith("UPDATE") || sql.startsWith("DELETE")) {
                        // a change that matches nothing would make the test prove nothing
                        assertThat(statement.getUpdateCount()).as(sql).isPositive();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
