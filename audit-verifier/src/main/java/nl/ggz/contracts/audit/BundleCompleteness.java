package nl.ggz.contracts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether a /2 bundle holds every event of its insurer up to the insurer's signed log head. The leaf list
 * ({@link BundleLayout#LOG_LEAVES}) must be that log: leaf 0 on, in order, with the head's size and root. Then,
 * walking the leaves and {@code events.ndjson} together (both in ascending position; memory grows with the streams):
 * <ul>
 *     <li>a leaf of a stream shown outside the year ({@link BundleLayout#FIRST_EVENTS}: its first event, checked
 *     against the chain and {@link StreamScope}) is not in the bundle; the leaves listed as that stream's run from its
 *     sequence 0, which is that first event's leaf, without a gap to its head at the checkpoint (proved in the
 *     checkpoint's root by the manifest's {@code outOfScope}), so no other stream's leaf can pass for one of its;</li>
 *     <li>every other leaf is the next event of {@code events.ndjson}: same position, stream, sequence, and the leaf
 *     hash of its chain hash; a leaf without its event is {@link Tampering#INCOMPLETE}, named by position and
 *     stream; an event without its leaf is not covered by the head.</li>
 * </ul>
 */
final class BundleCompleteness {

    private static final HexFormat HEX = HexFormat.of();

    /** A stream shown outside the year by its first event: that event's position and leaf hash, and its scope. */
    record Outside(String aggregateId, long position, byte[] leafHash, StreamScope scope) {
    }

    /** The failure, or null and the report line. */
    record Outcome(Verdict failure, String report) {
    }

    private record Leaf(long index, long position, String aggregateId, Long sequence, byte[] leafHash) {
    }

    private record Event(long position, String aggregateId, long sequence, byte[] leafHash) {
    }

    private final BufferedReader events;
    private final String origin;
    private int eventLine;

    private BundleCompleteness(BufferedReader events, String origin) {
        this.events = events;
        this.origin = origin;
    }

    static Outcome check(BufferedReader leaves, BufferedReader events, Map<String, Outside> outside,
                         LogCheckpoint head, int year, List<BundleStream> outsideHeads, Checkpoint checkpoint)
            throws IOException {
        return new BundleCompleteness(events, head.origin()).run(leaves, outside, head, year, outsideHeads,
                checkpoint);
    }

    private Outcome run(BufferedReader leaves, Map<String, Outside> outside, LogCheckpoint head, int year,
                        List<BundleStream> outsideHeads, Checkpoint checkpoint) throws IOException {
        LogRoot root = new LogRoot(LogVerifier.BLOCK_SIZE);
        Map<String, Long> nextSequence = new HashMap<>();
        Map<String, byte[]> lastLeaf = new HashMap<>();
        Verdict first = null;
        long bundled = 0;
        long lastPosition = Long.MIN_VALUE;
        Event next;
        try {
            next = nextEvent();
        } catch (IllegalArgumentException unreadable) {
            // the chains name the line that is no event
            return new Outcome(null, null);
        }
        String text;
        int lineNumber = 0;
        while ((text = leaves.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            Leaf leaf;
            try {
                leaf = leaf(text);
            } catch (IllegalArgumentException e) {
                return failure(Tampering.BUNDLE, BundleLayout.LOG_LEAVES + " line " + lineNumber + ": " + e.getMessage());
            }
            if (leaf.index() != root.size() || leaf.position() <= lastPosition) {
                return failure(Tampering.BUNDLE, BundleLayout.LOG_LEAVES + " line " + lineNumber + " is leaf "
                        + leaf.index() + " at position " + leaf.position() + ", after leaf " + (root.size() - 1)
                        + (lastPosition == Long.MIN_VALUE ? "" : " at position " + lastPosition) + ": the leaves are "
                        + "not the log's, in order from leaf 0");
            }
            lastPosition = leaf.position();
            root.appendLeafHash(leaf.leafHash());
            if (first != null) {
                // keep recomputing the root: a list that is not the signed log is reported before what it lacks
                continue;
            }
            String at = "position " + leaf.position() + " (aggregate " + leaf.aggregateId() + ", sequence "
                    + leaf.sequence() + "; leaf " + leaf.index() + " of " + origin + ")";
            Outside stream = leaf.aggregateId() == null ? null : outside.get(leaf.aggregateId());
            if (stream != null) {
                long expected = nextSequence.getOrDefault(stream.aggregateId(), 0L);
                if (leaf.sequence() == null || leaf.sequence() != expected) {
                    first = verdict(Tampering.BUNDLE, ": the leaf at " + at + " is listed out of its stream's order: "
                            + "sequence " + expected + " was next");
                } else if (expected == 0 && (leaf.position() != stream.position()
                        || !Arrays.equals(leaf.leafHash(), stream.leafHash()))) {
                    first = verdict(Tampering.REWRITTEN, ": the first event of stream " + stream.aggregateId() + " in "
                            + BundleLayout.FIRST_EVENTS + " (position " + stream.position() + ") is not the leaf the "
                            + "log appended (" + at + "): it was changed after it was appended, or the leaf list was");
                }
                nextSequence.put(stream.aggregateId(), expected + 1);
                lastLeaf.put(stream.aggregateId(), leaf.leafHash());
                continue;
            }
            try {
                if (next != null && next.position() < leaf.position()) {
                    first = notALeaf(next, head);
                } else if (next == null || next.position() > leaf.position()) {
                    first = verdict(Tampering.INCOMPLETE, ": the insurer's event at " + at + " is not in the bundle: "
                            + BundleLayout.EVENTS + " lacks it, and " + BundleLayout.FIRST_EVENTS + " does not show "
                            + "its stream outside " + year);
                } else if (!next.aggregateId().equals(leaf.aggregateId()) || leaf.sequence() == null
                        || next.sequence() != leaf.sequence() || !Arrays.equals(next.leafHash(), leaf.leafHash())) {
                    first = verdict(Tampering.REWRITTEN, ": the event at position " + next.position() + " (aggregate "
                            + next.aggregateId() + ", sequence " + next.sequence() + ") is not the leaf the log "
                            + "appended there (" + at + "): it was changed after it was appended, or the leaf list "
                            + "was");
                } else {
                    bundled++;
                    next = nextEvent();
                }
            } catch (IllegalArgumentException unreadable) {
                return new Outcome(null, null);
            }
        }
        if (root.size() != head.treeSize() || !Arrays.equals(root.root(), head.rootHash())) {
            return failure(Tampering.REWRITTEN, BundleLayout.LOG_LEAVES + " lists " + root.size() + " leaves with "
                    + "root " + LogVerifier.shortHex(root.root()) + "…, the insurer's signed head " + head.treeSize()
                    + " leaves with root " + LogVerifier.shortHex(head.rootHash()) + "…: the list is not the log that "
                    + "was signed");
        }
        if (first != null) {
            return new Outcome(first, null);
        }
        if (next != null) {
            return new Outcome(notALeaf(next, head), null);
        }
        Verdict heads = outsideHeads(outside, nextSequence, lastLeaf, outsideHeads, checkpoint);
        if (heads != null) {
            return new Outcome(heads, null);
        }
        long outsideLeaves = root.size() - bundled;
        return new Outcome(null, "COMPLETE OK: the " + root.size() + " leaves of " + origin + " up to its head are the "
                + bundled + " events of the bundle and " + outsideLeaves + " events of " + outside.size()
                + " streams outside " + year + " (each shown by its first event, its head in the checkpoint's root)");
    }

    private Verdict notALeaf(Event event, LogCheckpoint head) {
        return verdict(Tampering.BUNDLE, ": " + BundleLayout.EVENTS + " holds position " + event.position()
                + " (aggregate " + event.aggregateId() + ", sequence " + event.sequence() + "), which is no leaf of "
                + origin + " up to its head of size " + head.treeSize());
    }

    /** Each outside stream's last leaf is its head at the checkpoint, proved in the signed root. */
    private static Verdict outsideHeads(Map<String, Outside> outside, Map<String, Long> nextSequence,
                                        Map<String, byte[]> lastLeaf, List<BundleStream> heads, Checkpoint checkpoint) {
        Map<String, BundleStream> named = new TreeMap<>();
        for (BundleStream stream : heads == null ? List.<BundleStream>of() : heads) {
            if (named.put(stream.aggregateId(), stream) != null || !outside.containsKey(stream.aggregateId())) {
                return verdict(Tampering.BUNDLE, ": " + BundleLayout.MANIFEST + " names stream "
                        + stream.aggregateId() + " outside the year twice, or without its first event in "
                        + BundleLayout.FIRST_EVENTS);
            }
        }
        for (Outside stream : new TreeMap<>(outside).values()) {
            String id = stream.aggregateId();
            if (!nextSequence.containsKey(id)) {
                return verdict(Tampering.BUNDLE, ": " + BundleLayout.FIRST_EVENTS + " holds stream " + id + ", which "
                        + "has no leaf in the insurer's log");
            }
            BundleStream head = named.get(id);
            String where = Tampering.HEAD + " of stream " + id + " (outside the year, sequence "
                    + (nextSequence.get(id) - 1) + ")";
            if (head == null || head.leafIndex() == null || head.treeSize() == null || head.auditPath() == null) {
                return new Verdict(Tampering.HEAD, List.of(where + ": the manifest gives no head of it with its "
                        + "inclusion proof"));
            }
            byte[] hash = hex(head.hash());
            if (hash == null || hash.length != EventHash.LENGTH || head.sequence() != nextSequence.get(id) - 1
                    || !Arrays.equals(LogHash.leaf(hash), lastLeaf.get(id))) {
                return new Verdict(Tampering.HEAD, List.of(where + ": the leaves listed as this stream's end at "
                        + "sequence " + (nextSequence.get(id) - 1) + ", the manifest's head is sequence "
                        + head.sequence() + " with another hash: the leaf list gives the stream leaves not its own"));
            }
            List<byte[]> path = new ArrayList<>();
            for (String node : head.auditPath()) {
                byte[] bytes = hex(node);
                if (bytes == null || bytes.length != EventHash.LENGTH) {
                    return verdict(Tampering.BUNDLE, ": " + BundleLayout.MANIFEST + ": the audit path of stream " + id
                            + " holds '" + node + "', not 64 hex digits");
                }
                path.add(bytes);
            }
            if (!new InclusionProof(head.leafIndex(), head.treeSize(), path).leadsTo(
                    MerkleRoot.leaf(new StreamHead(id, head.sequence(), hash)), checkpoint.merkleRoot())) {
                return new Verdict(Tampering.HEAD, List.of(where + ": its inclusion proof does not lead to the root "
                        + "of checkpoint " + checkpoint.id()));
            }
        }
        return null;
    }

    private Event nextEvent() throws IOException {
        String text;
        while ((text = events.readLine()) != null) {
            eventLine++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = CanonicalJson.MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + eventLine + " is not a JSON event");
            }
            String aggregateId = line.path("aggregateId").textValue();
            long position = line.path("position").asLong(Long.MIN_VALUE);
            long sequence = line.path("sequenceNumber").asLong(-1);
            JsonNode hash = line.get("hash");
            byte[] input;
            if (hash == null || hash.isNull()) {
                input = EventHash.none();
            } else {
                input = hex(hash.textValue());
                if (input == null || input.length != EventHash.LENGTH) {
                    throw new IllegalArgumentException("line " + eventLine + " has no hash of 32 bytes");
                }
            }
            if (aggregateId == null || position == Long.MIN_VALUE || sequence < 0) {
                throw new IllegalArgumentException("line " + eventLine + " lacks its position, stream or sequence");
            }
            return new Event(position, aggregateId, sequence, LogHash.leaf(input));
        }
        return null;
    }

    private static Leaf leaf(String text) {
        JsonNode line;
        try {
            line = CanonicalJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON leaf");
        }
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("not a JSON leaf");
        }
        JsonNode aggregateId = line.get("aggregateId");
        JsonNode sequence = line.get("sequence");
        return new Leaf(LogJson.size(line, "leafIndex"), LogJson.size(line, "position"),
                aggregateId != null && aggregateId.isTextual() ? aggregateId.textValue() : null,
                sequence != null && sequence.isIntegralNumber() && sequence.canConvertToLong() ? sequence.longValue()
                        : null, LogJson.hash(line, "leafHash"));
    }

    private static byte[] hex(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Verdict verdict(Tampering kind, String detail) {
        return new Verdict(kind, List.of(kind + detail));
    }

    private static Outcome failure(Tampering kind, String detail) {
        return new Outcome(verdict(kind, ": " + detail), null);
    }
}
