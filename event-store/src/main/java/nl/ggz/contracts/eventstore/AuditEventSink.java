package nl.ggz.contracts.eventstore;

import java.io.IOException;

/** Takes the events of an export one at a time, as they are read: nothing is gathered in memory. */
@FunctionalInterface
public interface AuditEventSink {
    void accept(AuditEvent event) throws IOException;
}
