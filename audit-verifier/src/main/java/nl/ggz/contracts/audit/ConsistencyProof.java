package nl.ggz.contracts.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * That the log of {@code toSize} leaves extends the log of {@code fromSize} leaves: RFC 9162 §2.1.4 (the proof is
 * SUBPROOF of §2.1.4.1 with b = true), checked as §2.1.4.2 says. As {@code GET /api/audit/log/proof/consistency}
 * answers it: {@code {"origin","fromSize","toSize","hashes":["base64",…]}}.
 */
public record ConsistencyProof(String origin, long fromSize, long toSize, List<byte[]> hashes) {

    public ConsistencyProof {
        hashes = List.copyOf(hashes);
    }

    /**
     * Whether the tree with root {@code toRoot} of {@code toSize} leaves has the tree with root {@code fromRoot} of
     * {@code fromSize} leaves as its prefix. The edge cases are those RFC 9162 leaves to the reader, decided as the
     * transparency-dev verifier does: from the empty log every log is consistent (no hashes); between equal sizes
     * only with equal roots and no hashes; to a smaller size never.
     */
    public boolean proves(byte[] fromRoot, byte[] toRoot) {
        if (fromSize < 0 || toSize < fromSize) {
            return false;
        }
        for (byte[] hash : hashes) {
            if (hash == null || hash.length != LogHash.LENGTH) {
                return false;
            }
        }
        if (fromSize == 0) {
            return hashes.isEmpty();
        }
        if (fromSize == toSize) {
            return hashes.isEmpty() && Arrays.equals(fromRoot, toRoot);
        }
        // RFC 9162 §2.1.4.2, steps 1 to 7
        if (hashes.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(hashes);
        if (Long.bitCount(fromSize) == 1) {
            path.add(0, fromRoot);
        }
        long fn = fromSize - 1;
        long sn = toSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = LogHash.node(c, fr);
                sr = LogHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = LogHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot) && sn == 0;
    }

    public static ConsistencyProof read(Reader json) throws IOException {
        JsonNode root = CanonicalJson.MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the consistency proof is not a JSON object");
        }
        return new ConsistencyProof(LogJson.text(root, "origin"), LogJson.size(root, "fromSize"),
                LogJson.size(root, "toSize"), LogJson.hashes(root, "hashes"));
    }
}
