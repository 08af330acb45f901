package nl.ggz.contracts.eventstore;

import nl.ggz.contracts.audit.StreamHead;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the stream heads up to a position from the event table. One pass over the rows up to it, grouped per
 * aggregate (count, and the highest sequence number that has a hash), then the head row of each aggregate through the
 * unique (aggregate, sequence) index — cheaper than sorting every event as {@code DISTINCT ON} would. Only committed
 * rows are read, so the position must be settled first ({@link CommittedHorizon}); no row at or below it can change
 * or appear afterwards (V6).
 */
@Component
public class ChainHeadReader {

    private static final String HEADS = """
            SELECT h.aggregateidentifier, h.events, h.last, h.head, e.hash
            FROM (SELECT aggregateidentifier, count(*) AS events,
                         max(sequencenumber) AS last,
                         max(sequencenumber) FILTER (WHERE hash IS NOT NULL) AS head
                  FROM %1$s WHERE globalindex <= ? GROUP BY aggregateidentifier) h
            LEFT JOIN %1$s e ON e.aggregateidentifier = h.aggregateidentifier AND e.sequencenumber = h.head
            """.formatted(EventTable.NAME);

    private final JdbcTemplate jdbc;

    public ChainHeadReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ChainHeads upTo(long position) {
        List<StreamHead> heads = new ArrayList<>();
        AtomicLong events = new AtomicLong();
        jdbc.query(HEADS, rows -> {
            events.addAndGet(rows.getLong("events"));
            byte[] hash = rows.getBytes("hash");
            long sequence = hash == null ? rows.getLong("last") : rows.getLong("head");
            heads.add(new StreamHead(rows.getString("aggregateidentifier"), sequence, hash));
        }, position);
        return new ChainHeads(position, events.get(), heads);
    }
}
