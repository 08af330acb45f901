package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Export lines made by hand, hashed as the application hashes them. */
final class ExportLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportLines() {
    }

    /** Two interleaved streams: A 0..3 and B 0..2, positions 1..7. */
    static List<String> sample() {
        Map<String, byte[]> heads = new HashMap<>();
        List<String> lines = new ArrayList<>();
        lines.add(line(1, "A", 0, "{\"amountCents\":100,\"note\":\"a\"}", heads));
        lines.add(line(2, "B", 0, "{\"amountCents\":200,\"note\":\"b\"}", heads));
        lines.add(line(3, "A", 1, "{\"amountCents\":300,\"note\":\"c\"}", heads));
        lines.add(line(4, "B", 1, "{\"amountCents\":1.50,\"note\":\"d\"}", heads));
        lines.add(line(5, "A", 2, "{\"amountCents\":500,\"note\":[1,2,{\"z\":1,\"a\":null}]}", heads));
        lines.add(line(6, "B", 2, "{\"amountCents\":600,\"note\":\"f\"}", heads));
        lines.add(line(7, "A", 3, "{\"amountCents\":700,\"note\":\"g\"}", heads));
        return lines;
    }

    /** A line as the export writes it, chained to the stream's last line in {@code heads}. */
    static String line(long position, String aggregateId, long sequence, String payload,
                       Map<String, byte[]> heads) {
        return line(position, aggregateId, sequence, "nl.ggz.Declared", payload, heads);
    }

    /** As {@link #line(long, String, long, String, Map)}, of the stored event type given. */
    static String line(long position, String aggregateId, long sequence, String eventType, String payload,
                       Map<String, byte[]> heads) {
        try {
            String metadata = "{\"principal\":\"clerk\",\"role\":\"PURCHASER\",\"correlationId\":\"c-" + position + "\"}";
            byte[] previous = heads.getOrDefault(aggregateId, EventHash.none());
            String timestamp = "2027-03-01T09:15:00." + String.format("%03d", position) + "Z";
            byte[] hash = new EventHash().of(previous, "CeilingAgreement", aggregateId, sequence, "e-" + position,
                    eventType, null, timestamp, CanonicalJson.ofStored(payload.getBytes()),
                    CanonicalJson.ofStored(metadata.getBytes()));
            heads.put(aggregateId, hash);
            ObjectNode line = JSON.createObjectNode();
            line.put("position", position);
            line.put("aggregateType", "CeilingAgreement");
            line.put("aggregateId", aggregateId);
            line.put("sequenceNumber", sequence);
            line.put("eventType", eventType);
            line.putNull("revision");
            line.put("timestamp", timestamp);
            line.put("eventId", "e-" + position);
            String text = JSON.writeValueAsString(line);
            return text.substring(0, text.length() - 1) + ",\"payload\":" + payload + ",\"metadata\":" + metadata
                    + ",\"previousHash\":\"" + HexFormat.of().formatHex(previous) + "\",\"hash\":\""
                    + HexFormat.of().formatHex(hash) + "\"}";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
