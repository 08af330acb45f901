package nl.ggz.contracts.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the event store reaches now: its last global position and how many events it holds, as committed at the
 * moment of the read. For whoever measures against the head (a rebuild's progress, a lag) without SQL on the table;
 * an export needs the settled position instead ({@link CommittedHorizon}).
 */
@Component
public class EventStoreHead {

    private static final String POSITION = "SELECT COALESCE(MAX(globalindex), 0) FROM " + EventTable.NAME;
    private static final String EXTENT = "SELECT COALESCE(MAX(globalindex), 0), COUNT(*) FROM " + EventTable.NAME;

    private final JdbcTemplate jdbc;

    public EventStoreHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last global position visible now; 0 while the store is empty. */
    public long position() {
        return jdbc.queryForObject(POSITION, Long.class);
    }

    /** The last position and the number of events, read in one statement so that the two agree. */
    public EventStoreExtent extent() {
        return jdbc.queryForObject(EXTENT, (rows, i) -> new EventStoreExtent(rows.getLong(1), rows.getLong(2)));
    }
}
