package nl.ggz.contracts.api.operations;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shadow schema of a blue/green rebuild: empty copies of the live read-model tables, filled by the rebuild while
 * the live ones keep serving, then moved into {@code public} in place of them. A copy has the live table's columns,
 * defaults, checks, identity, comments and storage ({@code LIKE … INCLUDING ALL EXCLUDING INDEXES}) and its
 * constraints and indexes under their own names, so that after the swap the table is the one the migrations made:
 * a later migration that names an index or a constraint finds it.
 */
final class ShadowTables {

    /** Where a rebuild writes; dropped at every start of the application (a rebuild does not survive a restart). */
    static final String SCHEMA = "read_model_rebuild";

    private static final Pattern ON_TABLE = Pattern.compile(" ON (ONLY )?(public\\.)?(\"?[a-z0-9_]+\"?) ");

    private final JdbcTemplate jdbc;

    ShadowTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, SCHEMA));
    }

    /** A fresh shadow schema with an empty copy of every table. */
    void create(Collection<String> tables) {
        drop();
        for (String table : tables) {
            refuseSerialColumns(table);
        }
        jdbc.execute("CREATE SCHEMA " + SCHEMA);
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + shadow(table) + " (LIKE public." + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
            for (Map<String, Object> constraint : jdbc.queryForList("""
                    SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
                    WHERE conrelid = ('public.' || ?)::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname
                    """, table)) {
                jdbc.execute("ALTER TABLE " + shadow(table) + " ADD CONSTRAINT \"" + constraint.get("conname") + "\" "
                        + constraint.get("definition"));
            }
            // the other indexes, as the migrations wrote them (pg_get_indexdef names the table with its schema)
            for (String definition : jdbc.queryForList("""
                    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
                    WHERE i.indrelid = ('public.' || ?)::regclass
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
                    """, String.class, table)) {
                Matcher on = ON_TABLE.matcher(definition);
                if (!on.find()) {
                    throw new IllegalStateException("cannot copy the index " + definition);
                }
                jdbc.execute(on.replaceFirst(" ON " + (on.group(1) == null ? "" : on.group(1)) + SCHEMA + "."
                        + on.group(3) + " "));
            }
        }
    }

    /**
     * A column with {@code DEFAULT nextval(…)} (serial) would keep drawing from the live table's sequence, which goes
     * with the live table at the swap. No read model has one; identity columns are copied with sequences of their own.
     */
    private void refuseSerialColumns(String table) {
        List<String> serial = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND column_default LIKE 'nextval(%'
                """, String.class, table);
        if (!serial.isEmpty()) {
            throw new IllegalStateException("table " + table + " has serial columns " + serial
                    + "; make them identity columns to rebuild it blue/green");
        }
    }

    /** Fresh statistics before the tables serve: the planner has none for a table filled a moment ago. */
    void analyze(Collection<String> tables) {
        for (String table : tables) {
            jdbc.execute("ANALYZE " + shadow(table));
        }
    }

    /**
     * Inside the caller's transaction: the live tables go and the shadow's take their place. Readers wait for the
     * commit on the tables' locks and then see the new ones; until then the old ones.
     */
    void swap(Collection<String> tables) {
        for (String table : tables) {
            jdbc.execute("DROP TABLE public." + table);
            jdbc.execute("ALTER TABLE " + shadow(table) + " SET SCHEMA public");
        }
        jdbc.execute("DROP SCHEMA " + SCHEMA);
    }

    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }

    private static String shadow(String table) {
        return SCHEMA + "." + table;
    }
}
