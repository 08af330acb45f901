package nl.ggz.contracts.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.util.Locale;

/**
 * The event table, named in one place for Axon and for the SQL of this module's own (exports, chain heads, the
 * committed horizon, history, the head): the storage engine is built with {@link #SCHEMA} ({@link
 * EventStoreConfiguration}), and every query of ours takes the table's name from it. The columns are Axon's (V1) plus
 * the hash chain's {@code previoushash} and {@code hash} (V7); no other module writes SQL on this table.
 */
public final class EventTable {

    /** Axon's default schema; its names are unquoted, so Axon's SQL and ours reach the same table. */
    public static final EventSchema SCHEMA = new EventSchema();

    /** The table's name as PostgreSQL keeps it: an unquoted name is folded to lower case. */
    public static final String NAME = SCHEMA.domainEventTable().toLowerCase(Locale.ROOT);

    private EventTable() {
    }
}
