package nl.ggz.contracts.eventstore;

import nl.ggz.contracts.jdbc.TableOwner;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The tables of the event store and of Axon's machinery around it (tokens, sagas, dead letters, deadlines), and the
 * signed checkpoints over the events. Axon and db-scheduler write most of them; this module creates and owns them.
 */
@Component
public class EventStoreTables implements TableOwner {

    @Override
    public List<String> tables() {
        return List.of(EventTable.NAME, "snapshotevententry", "tokenentry", "sagaentry", "associationvalueentry",
                "deadletterentry", "scheduled_tasks", "audit_checkpoint", "audit_log_leaf",
                "audit_log_node", "audit_log_stream", "audit_log_head", "audit_log_timestamp", "audit_log_cosignature");
    }
}
