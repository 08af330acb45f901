package nl.ggz.contracts.eventstore;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the events of an export straight from the event table in ascending global position, through a JDBC cursor:
 * PostgreSQL streams rows {@value #FETCH_SIZE} at a time only inside a transaction (otherwise the driver loads the
 * whole result), and each row is handed on before the next is read, so memory stays flat whatever the size.
 * <p>
 * Contract, insurer, provider and year select aggregates; their ids come from the read models written in the same
 * transactions as the events: a contract ({@code contract_state}), its ceilings ({@code ceiling_state}, ids
 * {@code {contractId}-{year}}) and the insurer's purchasing policies ({@code purchasing_policy}, aggregate ids
 * {@code {uzovi}-{year}}; they belong to no provider or contract, so they are left out when either is asked for).
 */
@Component
public class AuditEventReader {

    public static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = "globalindex, type, aggregateidentifier, sequencenumber, payloadtype, "
            + "payloadrevision, timestamp, eventidentifier, payload, metadata, previoushash, hash";

    private final DataSource dataSource;

    public AuditEventReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean contractExists(String contractId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT 1 FROM contract_state WHERE contract_id = ?")) {
            statement.setString(1, contractId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up contract " + contractId, e);
        }
    }

    /**
     * Hands every event of the query with a position up to {@code horizon} (see {@link CommittedHorizon}) to the sink,
     * in ascending position; answers how many. An IOException of the sink (the client went away) ends the read.
     */
    public long read(FindAuditEvents query, long horizon, AuditEventSink sink) throws IOException {
        List<Object> parameters = new ArrayList<>();
        return read(sql(query, horizon, parameters), parameters, sink);
    }

    /**
     * The first event (sequence 0) of every stream of the insurer's verifiable log ({@code audit_log_stream}) at or
     * below {@code horizon}, in ascending position: what a bundle decides each stream's scope by.
     */
    public long readFirstEvents(String insurer, long horizon, AuditEventSink sink) throws IOException {
        return read("SELECT " + COLUMNS + " FROM " + EventTable.NAME + " WHERE globalindex <= ? AND sequencenumber = 0"
                + " AND aggregateidentifier IN (SELECT aggregate_id FROM audit_log_stream WHERE insurer = ?)"
                + " ORDER BY globalindex", List.of(horizon, insurer), sink);
    }

    /** Every event of these streams at or below {@code horizon}, in ascending position. */
    public long readStreams(Collection<String> aggregateIds, long horizon, AuditEventSink sink) throws IOException {
        return read("SELECT " + COLUMNS + " FROM " + EventTable.NAME + " WHERE globalindex <= ? AND "
                + "aggregateidentifier = ANY (?) ORDER BY globalindex",
                List.of(horizon, aggregateIds.stream().sorted().toArray(String[]::new)), sink);
    }

    private long read(String sql, List<Object> parameters, AuditEventSink sink) throws IOException {
        long count = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < parameters.size(); i++) {
                    Object value = parameters.get(i);
                    if (value instanceof String[] names) {
                        statement.setArray(i + 1, connection.createArrayOf("text", names));
                    } else {
                        statement.setObject(i + 1, value);
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(new AuditEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getLong(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8), rows.getBytes(9), rows.getBytes(10), rows.getBytes(11),
                                rows.getBytes(12)));
                        count++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit export could not read the event table after " + count
                    + " events", e);
        }
        return count;
    }

    /** The query with only the filters asked for, so that PostgreSQL plans each combination for what it is. */
    static String sql(FindAuditEvents query, long horizon, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + EventTable.NAME
                + " WHERE globalindex > ? AND globalindex <= ?");
        parameters.add(query.after());
        parameters.add(horizon);
        if (query.scoped()) {
            sql.append(" AND aggregateidentifier IN (").append(aggregates(query, parameters)).append(')');
        }
        if (query.from() != null) {
            sql.append(" AND timestamp COLLATE \"C\" >= ?");
            parameters.add(EventTimestamps.roundedUp(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND timestamp COLLATE \"C\" < ?");
            parameters.add(EventTimestamps.roundedUp(query.to()));
        }
        if (!query.payloadTypes().isEmpty()) {
            sql.append(" AND payloadtype = ANY (?)");
            parameters.add(query.payloadTypes().stream().sorted().toArray(String[]::new));
        }
        sql.append(" ORDER BY globalindex");
        if (query.limit() != null) {
            sql.append(" LIMIT ?");
            parameters.add(query.limit());
        }
        return sql.toString();
    }

    /** The ids of the contracts, ceilings and policies the filters select, from the read models. */
    private static String aggregates(FindAuditEvents query, List<Object> parameters) {
        Conditions contracts = new Conditions();
        contracts.add("contract_id = ?", query.contractId());
        contracts.add("insurer_uzovi = ?", query.insurer());
        contracts.add("provider_agb = ?", query.provider());
        contracts.add("? BETWEEN EXTRACT(YEAR FROM term_start) AND EXTRACT(YEAR FROM term_end)", query.year());
        Conditions ceilings = new Conditions();
        ceilings.add("contract_id = ?", query.contractId());
        ceilings.add("insurer_uzovi = ?", query.insurer());
        ceilings.add("provider_agb = ?", query.provider());
        ceilings.add("contract_year = ?", query.year());
        StringBuilder sql = new StringBuilder("SELECT contract_id FROM contract_state WHERE ")
                .append(contracts.sql(parameters))
                .append(" UNION ALL SELECT ceiling_id FROM ceiling_state WHERE ").append(ceilings.sql(parameters));
        if (query.contractId() == null && query.provider() == null) {
            Conditions policies = new Conditions();
            policies.add("insurer_uzovi = ?", query.insurer());
            policies.add("contract_year = ?", query.year());
            sql.append(" UNION ALL SELECT insurer_uzovi || '-' || contract_year FROM purchasing_policy WHERE ")
                    .append(policies.sql(parameters));
        }
        return sql.toString();
    }

    private static final class Conditions {
        private final List<String> sql = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        void add(String condition, Object value) {
            if (value != null) {
                sql.add(condition);
                values.add(value);
            }
        }

        String sql(List<Object> parameters) {
            parameters.addAll(values);
            return sql.isEmpty() ? "TRUE" : String.join(" AND ", sql);
        }
    }
}
