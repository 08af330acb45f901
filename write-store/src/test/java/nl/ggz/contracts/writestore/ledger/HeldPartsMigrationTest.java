package nl.ggz.contracts.writestore.ledger;

import nl.ggz.contracts.writestore.WriteStoreDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 fills in the held part of the declarations stored before issue 17 by the rule every change keeps: of what is
 * left of the ceiling's declarations in acceptance order, the part above the ceiling is held (seed 001: held amounts
 * are released oldest first; a credit or claw-back takes a declaration's own held part first).
 */
class HeldPartsMigrationTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();

    @Test
    void theHeldPartsOfStoredDeclarationsAreWhatIsLeftAboveTheCeilingInAcceptanceOrder() throws IOException {
        String ceiling = "MIG-" + java.util.UUID.randomUUID() + "-2027";
        DB.jdbc().update("""
                INSERT INTO ceiling_state (ceiling_id, contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                    contract_year, initial_ceiling_cents, ceiling_cents, last_care_date)
                VALUES (?, 'mig', '3311', '94001234', 'INSTITUTION', 'DIGITAL', 2027, 1000, 1000, DATE '2027-12-31')
                """, ceiling);
        // left after credits and claw-backs: 500, 300, 400, 100 — 1,300 on a ceiling of 1,000: 300 held, the newest
        row(ceiling, "M-1", 1, 600, 100, 0, null);
        row(ceiling, "M-2", 2, 300, 0, 0, null);
        row(ceiling, "M-3", 3, 500, 0, 100, null);
        row(ceiling, "M-1-credit", 4, -100, 0, 0, "M-1");
        row(ceiling, "M-4", 5, 100, 0, 0, null);

        DB.jdbc().update(backfill());

        assertThat(held(ceiling)).containsExactlyInAnyOrderEntriesOf(Map.of("M-1", 0L, "M-2", 0L, "M-3", 200L,
                "M-1-credit", 0L, "M-4", 100L));
    }

    private static void row(String ceiling, String id, long order, long amount, long credited, long clawedBack,
                            String corrects) {
        DB.jdbc().update("""
                INSERT INTO declaration_ledger (declaration_id, ceiling_id, insurer_uzovi, contract_year, amount_cents,
                    credited_cents, clawed_back_cents, corrects_id, accepted_order)
                VALUES (?, ?, '3311', 2027, ?, ?, ?, ?, ?)
                """, id + ceiling, ceiling, amount, credited, clawedBack, corrects, order);
    }

    private static Map<String, Long> held(String ceiling) {
        Map<String, Long> held = new java.util.HashMap<>();
        DB.jdbc().query("SELECT declaration_id, held_cents FROM declaration_ledger WHERE ceiling_id = ?",
                rs -> {
                    held.put(rs.getString(1).replace(ceiling, ""), rs.getLong(2));
                }, ceiling);
        return held;
    }

    /** The migration's own statement that fills the held parts. */
    private static String backfill() throws IOException {
        try (InputStream in = HeldPartsMigrationTest.class.getResourceAsStream(
                "/db/migration/V30__ledger_held_parts_in_acceptance_order.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("WITH line AS");
            return sql.substring(start, sql.indexOf(';', start));
        }
    }
}
