package nl.ggz.contracts.eventstore.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which insurer's log an event belongs to: that of its stream, named by the {@code insurer} of the stream's first
 * event (ContractOffered, CeilingAgreed, PurchasingPolicyPublished, PatientDataErased all carry it; the export's
 * insurer filter reads the same insurer from the read models those events fill). Decided once per stream, from the
 * events alone, and kept in {@code audit_log_stream} so that a restart does not read first events again.
 */
final class StreamInsurers {

    private static final Optional<String> NONE = Optional.empty();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Optional<String>> known = new HashMap<>();

    /** The insurer of the event; {@code firstPayload} is the stored payload when it is its stream's sequence 0. */
    Optional<String> of(Connection connection, String aggregateId, long sequence, byte[] firstPayload,
                        Map<String, String> newStreams) throws SQLException {
        Optional<String> insurer = known.get(aggregateId);
        if (insurer != null) {
            return insurer;
        }
        if (sequence == 0 && firstPayload != null) {
            insurer = insurerIn(firstPayload);
            insurer.ifPresent(code -> newStreams.put(aggregateId, code));
        } else {
            // a stream whose first event was appended before this run (or by another node)
            try (PreparedStatement lookup = connection.prepareStatement(
                    "SELECT insurer FROM audit_log_stream WHERE aggregate_id = ?")) {
                lookup.setString(1, aggregateId);
                try (ResultSet rows = lookup.executeQuery()) {
                    insurer = rows.next() ? Optional.of(rows.getString(1)) : NONE;
                }
            }
        }
        known.put(aggregateId, insurer);
        return insurer;
    }

    void forget() {
        known.clear();
    }

    static Optional<String> insurerIn(byte[] payload) {
        try {
            JsonNode insurer = JSON.readTree(payload).path("insurer");
            return insurer.isTextual() && insurer.asText().matches("\\d{4}") ? Optional.of(insurer.asText()) : NONE;
        } catch (IOException notJson) {
            return NONE;
        }
    }
}
