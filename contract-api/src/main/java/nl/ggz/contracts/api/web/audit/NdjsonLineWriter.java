package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import nl.ggz.contracts.eventstore.AuditEvent;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One JSON object per line, each ended by a newline (application/x-ndjson). Payload and metadata are embedded as the
 * JSON they were stored as, not as strings. The field order is fixed; the hash chain (lowercase hex, null before the chain existed) comes last.
 */
final class NdjsonLineWriter implements EventLineWriter {

    private final JsonGenerator out;

    NdjsonLineWriter(OutputStream stream, JsonFactory json) throws IOException {
        this.out = json.createGenerator(stream);
        this.out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.out.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        this.out.setRootValueSeparator(null);
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        out.writeStartObject();
        out.writeNumberField("position", event.position());
        out.writeStringField("aggregateType", event.aggregateType());
        out.writeStringField("aggregateId", event.aggregateId());
        out.writeNumberField("sequenceNumber", event.sequenceNumber());
        out.writeStringField("eventType", event.eventType());
        out.writeStringField("revision", event.revision());
        out.writeStringField("timestamp", event.timestamp());
        out.writeStringField("eventId", event.eventId());
        embed("payload", StoredJson.of(event.payload()));
        embed("metadata", StoredJson.of(event.metadata()));
        out.writeStringField("previousHash", Hex.of(event.previousHash()));
        out.writeStringField("hash", Hex.of(event.hash()));
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private void embed(String field, StoredJson stored) throws IOException {
        out.writeFieldName(field);
        if (stored.text() == null) {
            out.writeNull();
        } else if (stored.valid()) {
            out.writeRawValue(stored.text());
        } else {
            out.writeString(stored.text());
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
