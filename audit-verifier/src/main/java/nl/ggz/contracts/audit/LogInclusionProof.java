package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * That one event is leaf {@code leafIndex} of the log of {@code treeSize} leaves (RFC 9162 §2.1.3), as
 * {@code GET /api/audit/log/proof/inclusion} answers it:
 * {@code {"origin","treeSize","leafIndex","position","leafHash":"base64","hashes":["base64",…]}}. {@code position} is
 * the event's global position, which the server maps to the leaf index (they differ where the store's sequence has
 * gaps); the proof binds the leaf index, not the position. Checked as §2.1.3.2 by {@link InclusionProof}.
 */
public record LogInclusionProof(String origin, long treeSize, long leafIndex, long position, byte[] leafHash,
                                List<byte[]> hashes) {

    public LogInclusionProof {
        hashes = List.copyOf(hashes);
    }

    /** Whether the audit path leads from the leaf hash to the root of a log of {@code treeSize} leaves. */
    public boolean leadsTo(byte[] root) {
        return new InclusionProof(leafIndex, treeSize, hashes).leadsTo(leafHash, root);
    }

    /** Whether the leaf is that of an event with this chain hash. */
    public boolean isLeafOf(byte[] chainHash) {
        return java.util.Arrays.equals(LogHash.leaf(chainHash), leafHash);
    }

    public static LogInclusionProof read(Reader json) throws IOException {
        JsonNode root = CanonicalJson.MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the inclusion proof is not a JSON object");
        }
        return new LogInclusionProof(LogJson.text(root, "origin"), LogJson.size(root, "treeSize"),
                LogJson.size(root, "leafIndex"), LogJson.size(root, "position"), LogJson.hash(root, "leafHash"),
                LogJson.hashes(root, "hashes"));
    }
}
