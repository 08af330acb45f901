package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.eventstore.AuditEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180: a header row, CRLF line ends, and a field in double quotes (inner quotes doubled) when it holds a comma, a
 * quote or a line break. Payload and metadata are their stored JSON text; a missing value is an empty field. The
 * columns are those of the NDJSON lines, in the same order.
 */
final class CsvLineWriter implements EventLineWriter {

    static final String HEADER = "position,aggregateType,aggregateId,sequenceNumber,eventType,revision,timestamp,"
            + "eventId,payload,metadata,previousHash,hash";

    private final Writer out;

    CsvLineWriter(OutputStream stream) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(AuditEvent event) throws IOException {
        out.write(Long.toString(event.position()));
        field(event.aggregateType());
        field(event.aggregateId());
        out.write(',');
        out.write(Long.toString(event.sequenceNumber()));
        field(event.eventType());
        field(event.revision());
        field(event.timestamp());
        field(event.eventId());
        field(text(event.payload()));
        field(text(event.metadata()));
        field(Hex.of(event.previousHash()));
        field(Hex.of(event.hash()));
        out.write("\r\n");
    }

    private void field(String value) throws IOException {
        out.write(',');
        if (value == null) {
            return;
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
