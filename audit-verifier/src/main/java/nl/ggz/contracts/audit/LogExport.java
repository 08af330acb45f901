package nl.ggz.contracts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The log recomputed from an unfiltered NDJSON export: one leaf per line, in the export's order (ascending global
 * position), leaf input = the line's {@code hash} (the chain hash, hex in the export; 32 zero bytes for an event
 * stored before the chain existed, as the server appends it). Keeps the root at the sizes
 * asked for, the roots of the aligned blocks, and each leaf's position, to name where a difference lies. The export
 * must hold every event from the first on: a filtered or resumed export is another sequence of leaves.
 */
public final class LogExport {

    private final Map<Long, byte[]> rootsAt;
    private final List<byte[]> blockRoots;
    private final long blockSize;
    private final long[] positions;
    private final long size;
    private final long unchained;

    private LogExport(Map<Long, byte[]> rootsAt, List<byte[]> blockRoots, long blockSize, long[] positions, long size,
                      long unchained) {
        this.unchained = unchained;
        this.rootsAt = rootsAt;
        this.blockRoots = blockRoots;
        this.blockSize = blockSize;
        this.positions = positions;
        this.size = size;
    }

    /**
     * Reads the export; {@code sizes} are the tree sizes whose roots are wanted. A line that is no JSON event or has
     * a malformed hash is refused (its leaf cannot be recomputed), naming its line.
     */
    public static LogExport read(BufferedReader export, long blockSize, long... sizes) throws IOException {
        return read(export, false, blockSize, sizes);
    }

    /**
     * Reads the leaf list of a bundle ({@link BundleLayout#LOG_LEAVES}): one line per leaf, in order, with its
     * {@code position} and {@code leafHash} (base64, the leaf hash itself rather than its input).
     */
    public static LogExport readLeaves(BufferedReader leaves, long blockSize, long... sizes) throws IOException {
        return read(leaves, true, blockSize, sizes);
    }

    private static LogExport read(BufferedReader export, boolean leafHashes, long blockSize, long... sizes)
            throws IOException {
        LogRoot log = new LogRoot(blockSize);
        Map<Long, byte[]> rootsAt = new HashMap<>();
        for (long wanted : sizes) {
            if (wanted == 0) {
                rootsAt.put(0L, LogHash.emptyRoot());
            }
        }
        long[] positions = new long[1024];
        long unchained = 0;
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
                throw new IllegalArgumentException("line " + lineNumber + " is not a JSON " + (leafHashes ? "leaf"
                        : "event"));
            }
            long position = line.path("position").asLong(Long.MIN_VALUE);
            if (log.size() == positions.length) {
                positions = Arrays.copyOf(positions, positions.length * 2);
            }
            positions[(int) log.size()] = position;
            if (leafHashes) {
                try {
                    log.appendLeafHash(LogJson.hash(line, "leafHash"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + lineNumber + ": " + e.getMessage(), e);
                }
            } else {
                JsonNode hash = line.get("hash");
                byte[] input;
                if (hash == null || hash.isNull()) {
                    // an event stored before the hash chain (V7) has none: the log's leaf input is then 32 zero bytes
                    input = EventHash.none();
                    unchained++;
                } else {
                    try {
                        input = hash.isTextual() ? HexFormat.of().parseHex(hash.textValue()) : null;
                    } catch (IllegalArgumentException e) {
                        input = null;
                    }
                    if (input == null || input.length != EventHash.LENGTH) {
                        throw new IllegalArgumentException("line " + lineNumber + " (position " + position + ") has "
                                + "a hash that is not 32 bytes of hex, so its leaf of the log cannot be recomputed");
                    }
                }
                log.appendInput(input);
            }
            for (long wanted : sizes) {
                if (wanted == log.size()) {
                    rootsAt.put(wanted, log.root());
                }
            }
        }
        return new LogExport(rootsAt, log.blockRoots(), blockSize, positions, log.size(), unchained);
    }

    /** The events without a chain hash (stored before V7), whose leaf input is 32 zero bytes. */
    public long unchained() {
        return unchained;
    }

    /** The number of leaves: the lines of the export. */
    public long size() {
        return size;
    }

    /** The root of the first {@code treeSize} leaves; null when it was not asked for or the export is shorter. */
    public byte[] rootAt(long treeSize) {
        return rootsAt.get(treeSize);
    }

    public long blockSize() {
        return blockSize;
    }

    public List<byte[]> blockRoots() {
        return blockRoots;
    }

    /** The global position of a leaf of the export. */
    public long positionOf(long leafIndex) {
        return positions[(int) leafIndex];
    }
}
