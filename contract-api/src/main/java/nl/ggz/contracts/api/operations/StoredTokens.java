package nl.ggz.contracts.api.operations;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The processors' rows in Axon's token table, read and written directly (column names from Axon's
 * {@link TokenSchema}): where a group stands while no processor on this node reports it, who holds its segments, and
 * the hand-over of a rebuild's token to the live groups at the swap.
 */
@Component
class StoredTokens {

    private final JdbcTemplate jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;

    StoredTokens(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
    }

    /** The lowest position of the processor's stored tokens; empty when it has none. */
    OptionalLong lowestPosition(String processor) {
        return jdbc.query("SELECT " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM "
                        + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?",
                (rs, row) -> position(rs.getBytes(1), rs.getString(2)), processor)
                .stream().mapToLong(Long::longValue).min();
    }

    /** Segment → owner of every segment of the processor that some node holds. */
    Map<Integer, String> owners(String processor) {
        Map<Integer, String> owners = new java.util.TreeMap<>();
        jdbc.query("SELECT " + schema.segmentColumn() + ", " + schema.ownerColumn() + " FROM " + schema.tokenTable()
                        + " WHERE " + schema.processorNameColumn() + " = ? AND " + schema.ownerColumn()
                        + " IS NOT NULL", rs -> {
            owners.put(rs.getInt(1), rs.getString(2));
        }, processor);
        return owners;
    }

    /** A node that claimed or extended a segment of the processor within {@code recent}: it is working on it. */
    Optional<String> recentOwner(String processor, Duration recent, Instant now) {
        return jdbc.query("SELECT " + schema.ownerColumn() + ", " + schema.timestampColumn() + " FROM "
                        + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ? AND "
                        + schema.ownerColumn() + " IS NOT NULL", (rs, row) -> {
                    String at = rs.getString(2);
                    boolean fresh = at != null && DateTimeUtils.parseInstant(at).isAfter(now.minus(recent));
                    return fresh ? rs.getString(1) : null;
                }, processor).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * In the caller's transaction: every segment of {@code to} gets the token of {@code from}'s one segment, released;
     * {@code from}'s rows go. Fails when a node holds a segment of {@code to}: its processor must be shut down first.
     */
    void handOver(String from, List<String> to) {
        List<Object[]> source = jdbc.query("SELECT " + schema.tokenColumn() + ", " + schema.tokenTypeColumn() + " FROM "
                        + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ? FOR UPDATE",
                (rs, row) -> new Object[]{rs.getBytes(1), rs.getString(2)}, from);
        if (source.size() != 1) {
            throw new IllegalStateException("the rebuild has " + source.size() + " tokens, expected one");
        }
        for (String processor : to) {
            List<String> held = jdbc.queryForList("SELECT " + schema.ownerColumn() + " FROM " + schema.tokenTable()
                    + " WHERE " + schema.processorNameColumn() + " = ? AND " + schema.ownerColumn()
                    + " IS NOT NULL FOR UPDATE", String.class, processor);
            if (!held.isEmpty()) {
                throw new IllegalStateException("a segment of '" + processor + "' is held by " + held.get(0)
                        + "; is the group running on another node?");
            }
            int updated = jdbc.update("UPDATE " + schema.tokenTable() + " SET " + schema.tokenColumn() + " = ?, "
                    + schema.tokenTypeColumn() + " = ? WHERE " + schema.processorNameColumn() + " = ?",
                    source.get(0)[0], source.get(0)[1], processor);
            if (updated == 0) {
                throw new IllegalStateException("'" + processor + "' has no tokens to hand the rebuild's over to");
            }
        }
        delete(from);
    }

    void delete(String processor) {
        jdbc.update("DELETE FROM " + schema.tokenTable() + " WHERE " + schema.processorNameColumn() + " = ?",
                processor);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken stored = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return stored == null ? 0 : stored.position().orElse(0);
    }
}
