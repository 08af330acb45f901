package nl.ggz.contracts.benchmarks.baseline;

import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A plain read model: one row per declaration, written by Axon's default (tracking) processor. */
public class BaselineProjection {

    static final String TABLE = """
            CREATE TABLE baseline_declaration (
                declaration_id VARCHAR(64) PRIMARY KEY,
                ceiling_id     VARCHAR(255) NOT NULL,
                prestatie_code VARCHAR(20) NOT NULL,
                treatment_date DATE NOT NULL,
                amount_cents   BIGINT NOT NULL
            )""";

    private final ConnectionProvider connections;

    public BaselineProjection(ConnectionProvider connections) {
        this.connections = connections;
    }

    public static void createTable(ConnectionProvider connections) throws SQLException {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
        }
    }

    @EventHandler
    void on(DeclarationRecorded event) throws SQLException {
        try (Connection connection = connections.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO baseline_declaration "
                     + "(declaration_id, ceiling_id, prestatie_code, treatment_date, amount_cents) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, event.declarationId());
            insert.setString(2, event.ceilingId());
            insert.setString(3, event.prestatieCode().value());
            insert.setObject(4, event.treatmentDate());
            insert.setLong(5, event.amount().cents());
            insert.executeUpdate();
        }
    }
}
