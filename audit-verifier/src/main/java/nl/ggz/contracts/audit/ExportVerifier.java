package nl.ggz.contracts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an NDJSON audit export line by line, keeping only each stream's last sequence number and hash (memory grows
 * with the number of streams, not of events). For every line, in this order:
 * <ol>
 *     <li>its position is above the previous line's ({@link Tampering#REORDERED} otherwise);</li>
 *     <li>its sequence number is above the last one of its stream ({@link Tampering#REORDERED});</li>
 *     <li>its hash is the hash of its content and its previous hash ({@link EventHash}; {@link Tampering#ALTERED});</li>
 *     <li>it follows its stream's last line without a gap ({@link Tampering#MISSING});</li>
 *     <li>its previous hash is the hash of that line, or zeros for sequence 0 ({@link Tampering#MISSING}).</li>
 * </ol>
 * A stream whose first line in the export has a sequence number above 0 (a filtered or resumed export) starts from
 * that line as an anchor: its previous hash is taken on trust, and the report says so. Lines without hashes are
 * events stored before the chain existed; once a stream has a hashed event, a later line without one is ALTERED.
 * <p>
 * With signed checkpoints and the public key, each checkpoint is also checked once the export has been read up to its
 * position ({@link CheckpointCheck}): this shows what the chains alone cannot, that no whole chain was rewritten and
 * that nothing up to the checkpoint is missing at the end of a stream ({@link Tampering#CHECKPOINT}).
 */
public final class ExportVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final EventHash hashes = new EventHash();
    private final Map<String, StreamHead> heads = new HashMap<>();
    private final CheckpointCheck checkpoints;
    private long lastPosition = Long.MIN_VALUE;
    private long events;
    private long unchained;
    private final List<String> anchors = new ArrayList<>();
    private static final int ANCHORS_SHOWN = 20;
    private long anchorCount;
    private String firstAnchor;

    /** Counted per stored event type, for a bundle's manifest. */
    private final Map<String, Long> byType = new TreeMap<>();
    private long firstPosition = Long.MIN_VALUE;
    /** A bundle holds every stream from its sequence 0: no line may start a stream later (no anchors). */
    private final boolean fromStart;

    private ExportVerifier(CheckpointCheck checkpoints) {
        this(checkpoints, false);
    }

    ExportVerifier(CheckpointCheck checkpoints, boolean fromStart) {
        this.checkpoints = checkpoints;
        this.fromStart = fromStart;
    }

    public static Verdict verify(BufferedReader export) throws IOException {
        return new ExportVerifier(null).run(export);
    }

    /** Verifies the chains and, against them, every checkpoint with the public key it was signed with. */
    public static Verdict verify(BufferedReader export, List<Checkpoint> checkpoints, PublicKey publicKey)
            throws IOException {
        return new ExportVerifier(new CheckpointCheck(checkpoints, publicKey)).run(export);
    }

    Verdict run(BufferedReader export) throws IOException {
        String text;
        int lineNumber = 0;
        while ((text = export.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = CanonicalJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                return failure(Tampering.ALTERED, " on line " + lineNumber + ": not a JSON event: " + e.getOriginalMessage());
            }
            Verdict failure = check(line, lineNumber);
            if (failure != null) {
                return failure;
            }
            events++;
            byType.merge(String.valueOf(line.path("eventType").textValue()), 1L, Long::sum);
        }
        if (checkpoints != null) {
            Verdict failure = checkDue(lastPosition == Long.MIN_VALUE ? 0 : lastPosition);
            if (failure != null) {
                return failure;
            }
            String beyondEnd = checkpoints.beyondEnd(lastPosition);
            if (beyondEnd != null) {
                return new Verdict(Tampering.CHECKPOINT, List.of(beyondEnd));
            }
        }
        List<String> report = new ArrayList<>();
        report.add("OK: " + events + " events in " + heads.size() + " streams, chains intact");
        if (checkpoints != null) {
            report.addAll(checkpoints.passed());
            if (checkpoints.given() == 0) {
                report.add("note: no checkpoint was given: a rewritten chain or a missing end is not detected");
            }
        }
        if (unchained > 0) {
            report.add("note: " + unchained + " events were stored before the hash chain existed and carry no hash;"
                    + " only their order and sequence numbers are checked");
        }
        if (anchorCount > 0) {
            report.add("note: " + anchorCount + " streams start in this export after their first event; their first "
                    + "exported event is taken as the anchor of the chain (its previous hash is not checked):");
            anchors.forEach(anchor -> report.add("  " + anchor));
            if (anchorCount > anchors.size()) {
                report.add("  … and " + (anchorCount - anchors.size()) + " more");
            }
        }
        return new Verdict(null, report);
    }

    private Verdict check(JsonNode line, int lineNumber) {
        long position = line.path("position").asLong(Long.MIN_VALUE);
        String aggregateId = line.path("aggregateId").textValue();
        long sequence = line.path("sequenceNumber").asLong(-1);
        if (aggregateId == null || sequence < 0 || position == Long.MIN_VALUE) {
            return failure(Tampering.ALTERED, " on line " + lineNumber + ": the line lacks its position, aggregate id or sequence number");
        }
        String where = " at position " + position + " (aggregate " + aggregateId + ", sequence " + sequence + "): ";
        if (checkpoints != null && position > lastPosition) {
            Verdict failure = checkDue(position - 1);
            if (failure != null) {
                return failure;
            }
        }
        if (position <= lastPosition) {
            return failure(Tampering.REORDERED, where + "position " + position + " follows position " + lastPosition);
        }
        lastPosition = position;
        if (firstPosition == Long.MIN_VALUE) {
            firstPosition = position;
        }

        StreamHead head = heads.get(aggregateId);
        if (head != null && sequence <= head.sequence()) {
            return failure(Tampering.REORDERED, where + "sequence " + sequence + " follows sequence " + head.sequence()
                    + " of the same stream");
        }
        if (fromStart && head == null && sequence > 0) {
            return failure(Tampering.MISSING, where + (sequence == 1 ? "sequence 0 of this stream is" : "sequences 0 to "
                    + (sequence - 1) + " of this stream are") + " not in the bundle, which holds every stream from "
                    + "its start");
        }
        byte[] hash = hex(line.get("hash"));
        byte[] previousHash = hex(line.get("previousHash"));
        if (hash == null) {
            if (head != null && head.hash() != null) {
                return failure(Tampering.ALTERED, where + "the event has no hash, though the event before it has one");
            }
            if (head != null && sequence != head.sequence() + 1) {
                return missing(where, head, sequence);
            }
            unchained++;
            heads.put(aggregateId, new StreamHead(aggregateId, sequence, null));
            return null;
        }
        if (previousHash == null || previousHash.length != EventHash.LENGTH || hash.length != EventHash.LENGTH) {
            return failure(Tampering.ALTERED, where + "previousHash and hash must be 32 bytes of lowercase hex");
        }
        byte[] content = hashes.of(previousHash, line.path("aggregateType").textValue(), aggregateId, sequence,
                line.path("eventId").textValue(), line.path("eventType").textValue(), line.path("revision").textValue(),
                line.path("timestamp").textValue(), CanonicalJson.of(line.get("payload")),
                CanonicalJson.of(line.get("metadata")));
        if (!Arrays.equals(content, hash)) {
            return failure(Tampering.ALTERED, where + "the hash does not match the event's content");
        }
        if (head == null && sequence > 0) {
            anchorCount++;
            if (firstAnchor == null) {
                firstAnchor = aggregateId + " starts at sequence " + sequence + " (position " + position + ")";
            }
            if (anchors.size() < ANCHORS_SHOWN) {
                anchors.add(aggregateId + " from sequence " + sequence + " (position " + position + ")");
            }
        } else if (head != null && sequence != head.sequence() + 1) {
            return missing(where, head, sequence);
        } else if (head == null && !EventHash.isNone(previousHash)) {
            return failure(Tampering.MISSING, where + "the first event of the stream links to an earlier event");
        } else if (head != null && head.hash() != null && !Arrays.equals(previousHash, head.hash())) {
            return failure(Tampering.MISSING, where + "previousHash links to an event that is not in the export "
                    + "(the event before it was replaced)");
        }
        heads.put(aggregateId, new StreamHead(aggregateId, sequence, hash));
        return null;
    }

    /** After {@link #run}: the last line of every stream read, by aggregate id. */
    Map<String, StreamHead> heads() {
        return heads;
    }

    long events() {
        return events;
    }

    /** After {@link #run}: how many lines of each stored event type, by type name. */
    Map<String, Long> eventsByType() {
        return byType;
    }

    /** The first line's position; null when there were no lines. */
    Long firstPosition() {
        return firstPosition == Long.MIN_VALUE ? null : firstPosition;
    }

    Long lastPosition() {
        return lastPosition == Long.MIN_VALUE ? null : lastPosition;
    }

    /** Checks the checkpoints the export has been read up to; answers the first failure, or null. */
    private Verdict checkDue(long readUpTo) {
        while (checkpoints.due(readUpTo)) {
            String failure = checkpoints.checkNext(heads.values(), events, firstAnchor);
            if (failure != null) {
                return new Verdict(Tampering.CHECKPOINT, List.of(failure));
            }
        }
        return null;
    }

    private static Verdict missing(String where, StreamHead head, long sequence) {
        String gap = sequence == head.sequence() + 2 ? "sequence " + (head.sequence() + 1)
                : "sequences " + (head.sequence() + 1) + " to " + (sequence - 1);
        return failure(Tampering.MISSING, where + gap + " of this stream is not in the export (removed, or moved "
                + "further on)");
    }

    private static byte[] hex(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return HEX.parseHex(value.textValue());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Verdict failure(Tampering kind, String detail) {
        return new Verdict(kind, List.of(kind + detail));
    }
}
