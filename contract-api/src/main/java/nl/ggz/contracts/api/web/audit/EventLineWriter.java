package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.eventstore.AuditEvent;

import java.io.IOException;

/**
 * Writes the lines of an export one event at a time. {@link #finish()} is called only when the export is complete:
 * on a failure half-way the output is left unfinished, so that the client sees a broken response, never a short one
 * that looks whole.
 */
interface EventLineWriter {

    void write(AuditEvent event) throws IOException;

    void finish() throws IOException;
}
