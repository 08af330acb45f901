package nl.ggz.contracts.api.operations;

import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.jdbc.EventIsolation;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's view of the dead-letter queues. Listing reads the table directly (column names from Axon's
 * {@link DeadLetterSchema}), so it needs no event class on the classpath and also shows letters of a group that no
 * longer exists; retrying goes through Axon, which applies the letters with the group's own handlers.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;
    private final DeadLetterSchema schema;
    private final JdbcTemplate jdbc;

    public DeadLetters(EventProcessingConfiguration processing, DeadLetterSchema schema, JdbcTemplate jdbc) {
        this.processing = processing;
        this.schema = schema;
        this.jdbc = jdbc;
    }

    /** Every parked sequence, or those of one group; an unknown group is a 404, not an empty list. */
    public DeadLetterList list(String processingGroup) {
        if (processingGroup != null) {
            deadLetterProcessor(processingGroup);
        }
        String table = schema.deadLetterTable();
        String group = schema.processingGroupColumn();
        String sequence = schema.sequenceIdentifierColumn();
        String index = schema.sequenceIndexColumn();
        String sql = "SELECT d." + group + ", d." + sequence + ", d." + schema.payloadTypeColumn() + ", d."
                + schema.eventIdentifierColumn() + ", d." + schema.causeTypeColumn() + ", d."
                + schema.causeMessageColumn() + ", d." + schema.enqueuedAtColumn() + ", d."
                + schema.lastTouchedColumn() + ", s.letters"
                + " FROM " + table + " d JOIN (SELECT " + group + " g, " + sequence + " q, MIN(" + index + ") first,"
                + " COUNT(*) letters FROM " + table
                + (processingGroup == null ? "" : " WHERE " + group + " = ?")
                + " GROUP BY " + group + ", " + sequence + ") s"
                + " ON d." + group + " = s.g AND d." + sequence + " = s.q AND d." + index + " = s.first"
                + " ORDER BY d." + schema.enqueuedAtColumn() + ", d." + group + ", d." + sequence;
        Object[] parameters = processingGroup == null ? new Object[0] : new Object[]{processingGroup};
        List<DeadLetterSequence> sequences = jdbc.query(sql, (rs, row) -> new DeadLetterSequence(
                rs.getString(1), rs.getString(2), simpleName(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getLong(9)), parameters);
        return new DeadLetterList(sequences.size(), sequences.stream().mapToLong(DeadLetterSequence::letters).sum(),
                sequences);
    }

    /**
     * Retries the group's dead letters, a sequence at a time and each in order, until none is left or every sequence
     * still there has failed once more since the last success (Axon puts a failed sequence at the back of the line,
     * so the others get their turn). Letters that arrive meanwhile are not counted as processed.
     */
    public DeadLetterRetry retry(String processingGroup) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = deadLetterProcessor(processingGroup);
        Set<String> before = letterIds(processingGroup);
        long sequences = sequenceCount(processingGroup);
        long attemptsLeft = before.size() + sequences;
        long failuresInARow = 0;
        while (attemptsLeft-- > 0 && failuresInARow < sequences) {
            if (applyIsolated(processor)) {
                failuresInARow = 0;
            } else {
                failuresInARow++;
            }
            sequences = sequenceCount(processingGroup);
        }
        Set<String> after = letterIds(processingGroup);
        long processed = before.stream().filter(id -> !after.contains(id)).count();
        log.info("Dead letters of [{}] retried: {} processed, {} remaining", processingGroup, processed, after.size());
        return new DeadLetterRetry(processingGroup, processed, after.size());
    }

    /**
     * A letter's handler runs in a savepoint ({@link SavepointPerEvent}): a database error leaves the transaction
     * usable, so the letter goes back to the queue with its new cause instead of failing the retry as a whole.
     */
    private static boolean applyIsolated(SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        try {
            return EventIsolation.isolated(processor::processAny);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup).orElseThrow(() -> new NotFoundException(
                "no processing group '" + processingGroup + "' with a dead-letter queue"));
    }

    private Set<String> letterIds(String processingGroup) {
        return new HashSet<>(jdbc.queryForList("SELECT " + schema.deadLetterIdentifierColumn() + " FROM "
                + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?", String.class,
                processingGroup));
    }

    private long sequenceCount(String processingGroup) {
        Long count = jdbc.queryForObject("SELECT COUNT(DISTINCT " + schema.sequenceIdentifierColumn() + ") FROM "
                + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?", Long.class,
                processingGroup);
        return count == null ? 0 : count;
    }

    /**
     * In the caller's transaction: the letters of {@code from} become those of {@code to}, whose own letters go (a
     * rebuild's letters replace those of the tables it replaces).
     */
    void handOver(String from, String to) {
        String table = schema.deadLetterTable();
        String group = schema.processingGroupColumn();
        jdbc.update("DELETE FROM " + table + " WHERE " + group + " = ?", to);
        jdbc.update("UPDATE " + table + " SET " + group + " = ? WHERE " + group + " = ?", to, from);
    }

    /** The letters of a group that is gone (an aborted rebuild's). */
    void deleteAll(String processingGroup) {
        jdbc.update("DELETE FROM " + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " = ?",
                processingGroup);
    }

    /** Deletes the letters of every group whose name starts so; how many there were. */
    int deleteGroupsStartingWith(String prefix) {
        return jdbc.update("DELETE FROM " + schema.deadLetterTable() + " WHERE starts_with("
                + schema.processingGroupColumn() + ", ?)", prefix);
    }

    long count(String processingGroup) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + schema.deadLetterTable() + " WHERE "
                + schema.processingGroupColumn() + " = ?", Long.class, processingGroup);
        return count == null ? 0 : count;
    }

    /** Axon writes these columns as ISO-8601 text. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : DateTimeUtils.parseInstant(text);
    }

    private static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
