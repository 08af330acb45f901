package nl.ggz.contracts.writestore.privacy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ggz.contracts.domain.privacy.OpenedPseudonym;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the ledger's rows from before pseudonyms were sealed (V23) are sealed as the application seals them,
 * the plain column is gone, and the supplement count per person reads the same (seed 002 §5.2). A database of its own.
 */
class SealLedgerMigrationTest {

    @Test
    void theLedgersPlainPseudonymsAreSealedAndThePlainColumnIsDropped() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            migrate(database, "22");
            JdbcTemplate jdbc = new JdbcTemplate(database);
            jdbc.update("""
                    INSERT INTO declaration_ledger (insurer_uzovi, declaration_id, ceiling_id, contract_year,
                        patient_ref, amount_cents, supplement)
                    VALUES ('3311', 'D-1', 'A-2027', 2027, 'p-aap', 5000, TRUE),
                           ('3311', 'D-2', 'B-2027', 2027, 'p-aap', 5000, TRUE),
                           ('3311', 'D-3', 'A-2027', 2027, 'p-noot', 1000, FALSE),
                           ('7095', 'D-1', 'Z-2027', 2027, 'p-aap', 5000, TRUE)
                    """);

            migrate(database, "latest");

            assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'declaration_ledger'", String.class)).doesNotContain("patient_ref")
                    .contains("patient_hash", "patient_sealed");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM declaration_ledger d WHERE d::text LIKE '%p-aap%' "
                    + "OR d::text LIKE '%p-noot%'", Long.class)).isZero();
            PostgresPatientPseudonyms pseudonyms = new PostgresPatientPseudonyms(jdbc);
            InsurerCode vgz = new InsurerCode("3311");
            String aap = pseudonyms.keyedHash(vgz, "p-aap").orElseThrow();
            // one person, one key hash, across the insurer's ceilings; another insurer's hash differs
            assertThat(jdbc.queryForList("SELECT DISTINCT patient_hash FROM declaration_ledger "
                    + "WHERE insurer_uzovi = '3311' AND supplement", String.class)).containsExactly(aap);
            assertThat(pseudonyms.keyedHash(new InsurerCode("7095"), "p-aap")).isNotEqualTo(aap);
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT patient_hash, patient_sealed FROM declaration_ledger WHERE declaration_id = 'D-3'");
            SealedPseudonym noot = SealedPseudonym.sealed((String) row.get("patient_sealed"),
                    (String) row.get("patient_hash"));
            assertThat(pseudonyms.open(vgz, List.of(noot)).get(noot).patientRef()).isEqualTo("p-noot");
            // a declaration sealed from now on lands on the same person's key
            SealedPseudonym fresh = pseudonyms.seal(vgz, List.of("p-aap")).get("p-aap");
            assertThat(fresh.keyedHash()).isEqualTo(aap);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM patient_key", Long.class)).isEqualTo(3L);
            pseudonyms.destroyKey(vgz, noot.keyedHash());
            assertThat(pseudonyms.open(vgz, List.of(noot)).get(noot)).isEqualTo(OpenedPseudonym.ERASED);
        }
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
