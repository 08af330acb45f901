package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heads of the logs a regulator has accepted, one per origin, kept in a small file
 * ({@code verify --state nza-heads.json}):
 * <pre>
 * {"heads": {"&lt;origin&gt;": {"treeSize": n, "rootHash": "base64", "checkpoint": "&lt;note text&gt;",
 *                          "blockRoots": {"size": 1024, "roots": ["base64", …]}}}}
 * </pre>
 * {@code blockRoots} (optional) are the roots of the aligned complete blocks of {@code size} leaves below the head,
 * so that a rewrite found later by recomputing the log from an export can be narrowed to its block. A file that does
 * not exist is an empty state (the first head is trusted on first use); a malformed one is refused as a whole.
 */
public final class TrustedState {

    /** One accepted head; {@code blocks} null when no block roots are known. */
    public record Head(long treeSize, byte[] rootHash, String checkpoint, Blocks blocks) {
    }

    /** The roots of the aligned complete blocks of {@code size} leaves, from leaf 0 on. */
    public record Blocks(long size, List<byte[]> roots) {
        public Blocks {
            roots = List.copyOf(roots);
        }
    }

    private final Map<String, Head> heads;
    private String lastPut;

    private TrustedState(Map<String, Head> heads) {
        this.heads = heads;
    }

    public static TrustedState empty() {
        return new TrustedState(new LinkedHashMap<>());
    }

    public Head head(String origin) {
        return heads.get(origin);
    }

    public void put(String origin, Head head) {
        heads.put(origin, head);
        lastPut = origin;
    }

    /** The origin of the head stored last in this run; null when none was. */
    public String lastPut() {
        return lastPut;
    }

    public static TrustedState read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return empty();
        }
        JsonNode root = CanonicalJson.MAPPER.readTree(text);
        if (root == null || !root.isObject() || !root.path("heads").isObject()) {
            throw new IllegalArgumentException("the state is not an object with \"heads\"");
        }
        Map<String, Head> heads = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("heads").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String origin = entry.getKey();
            JsonNode head = entry.getValue();
            try {
                if (!head.isObject()) {
                    throw new IllegalArgumentException("not an object");
                }
                Blocks blocks = null;
                JsonNode blockRoots = head.get("blockRoots");
                if (blockRoots != null && !blockRoots.isNull()) {
                    long size = LogJson.size(blockRoots, "size");
                    if (size < 1 || Long.bitCount(size) != 1) {
                        throw new IllegalArgumentException("blockRoots.size: a power of two is required");
                    }
                    blocks = new Blocks(size, LogJson.hashes(blockRoots, "roots"));
                }
                heads.put(origin, new Head(LogJson.size(head, "treeSize"), LogJson.hash(head, "rootHash"),
                        LogJson.text(head, "checkpoint"), blocks));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the head of " + origin + ": " + e.getMessage(), e);
            }
        }
        return new TrustedState(heads);
    }

    /** Writes the state next to the file and moves it over it, so that a crash never leaves half a file. */
    public void write(Path file) throws IOException {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        ObjectNode all = root.putObject("heads");
        Base64.Encoder base64 = Base64.getEncoder();
        heads.forEach((origin, head) -> {
            ObjectNode node = all.putObject(origin);
            node.put("treeSize", head.treeSize());
            node.put("rootHash", base64.encodeToString(head.rootHash()));
            node.put("checkpoint", head.checkpoint());
            if (head.blocks() != null) {
                ObjectNode blocks = node.putObject("blockRoots");
                blocks.put("size", head.blocks().size());
                ArrayNode roots = blocks.putArray("roots");
                head.blocks().roots().forEach(r -> roots.add(base64.encodeToString(r)));
            }
        });
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    List<String> origins() {
        return new ArrayList<>(heads.keySet());
    }
}
