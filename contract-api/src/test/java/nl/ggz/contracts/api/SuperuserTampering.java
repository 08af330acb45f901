package nl.ggz.contracts.api;

import nl.ggz.contracts.audit.CanonicalJson;
import nl.ggz.contracts.audit.EventHash;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a superuser can do to the event store: disable the append-only trigger, change an aggregate's rows and
 * enable the trigger again, in one transaction. The aggregate's rows are kept aside first and {@link #putBack} restores
 * them: the other test classes share the database, and one of them rebuilds the read models from all events.
 */
final class SuperuserTampering {

    interface Change {
        void apply(Connection connection) throws SQLException;
    }

    private static final String BACKUP = "tampered_backup";

    private final DataSource dataSource;
    private String tampered;

    SuperuserTampering(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the statements past the trigger; an UPDATE or DELETE that matches nothing fails the test. */
    void change(String aggregateId, String... statements) {
        change(aggregateId, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    // a change that matches nothing would make the test prove nothing
                    assertThat(statement.executeUpdate(sql)).as(sql).isPositive();
                }
            }
        });
    }

    void change(String aggregateId, Change change) {
        inOneTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + BACKUP + " AS SELECT * FROM domainevententry "
                        + "WHERE aggregateidentifier = '" + aggregateId + "'");
                statement.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only");
                change.apply(connection);
                statement.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
            }
        });
        tampered = aggregateId;
    }

    /** Restores the rows as they were before {@link #change}; nothing when nothing was changed. */
    void putBack() {
        if (tampered == null) {
            return;
        }
        String aggregateId = tampered;
        inOneTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only");
                statement.execute("DELETE FROM domainevententry WHERE aggregateidentifier = '" + aggregateId + "'");
                statement.execute("INSERT INTO domainevententry SELECT * FROM " + BACKUP);
                statement.execute("DROP TABLE " + BACKUP);
                statement.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only");
            }
        });
        tampered = null;
    }

    /**
     * Recomputes the hash of the aggregate's event {@code from} and of every event after it, so that a changed chain is
     * whole again: what hides a change from the chains alone (a signed checkpoint still shows it).
     */
    static void rehashFrom(Connection connection, String aggregateId, long from) throws SQLException {
        EventHash hashes = new EventHash();
        try (PreparedStatement rows = connection.prepareStatement("""
                SELECT type, sequencenumber, eventidentifier, payloadtype, payloadrevision, timestamp, payload,
                    metadata, hash
                FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber >= ? ORDER BY sequencenumber
                """);
             PreparedStatement update = connection.prepareStatement("UPDATE domainevententry SET previoushash = ?, "
                     + "hash = ? WHERE aggregateidentifier = ? AND sequencenumber = ?")) {
            rows.setString(1, aggregateId);
            rows.setLong(2, from - 1);
            byte[] previous = null;
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    long sequence = row.getLong("sequencenumber");
                    if (sequence < from) {
                        previous = row.getBytes("hash");
                        continue;
                    }
                    byte[] hash = hashes.of(previous, row.getString("type"), aggregateId, sequence,
                            row.getString("eventidentifier"), row.getString("payloadtype"),
                            row.getString("payloadrevision"), row.getString("timestamp"),
                            CanonicalJson.ofStored(row.getBytes("payload")),
                            CanonicalJson.ofStored(row.getBytes("metadata")));
                    update.setBytes(1, previous);
                    update.setBytes(2, hash);
                    update.setString(3, aggregateId);
                    update.setLong(4, sequence);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                    previous = hash;
                }
            }
        }
    }

    private void inOneTransaction(Change work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.apply(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
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
