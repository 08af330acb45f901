package nl.ggz.contracts.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Decides whether a new signed head of the log may replace the head the regulator stored ({@link TrustedState}):
 * only when it is signed by the log's key, and is the stored head itself or a consistent extension of it (RFC 9162
 * §2.1.4, a {@link ConsistencyProof} from the stored size to the new one). Two different roots of one size are a
 * {@link Tampering#FORK}. Given the unfiltered export, the log is also recomputed from it: a root at the stored size
 * that differs from the stored head is a rewrite below it ({@link Tampering#REWRITTEN}), narrowed by the stored block
 * roots to the first block that differs and named by its positions. On success the state holds the new head (and
 * the block roots, recomputed from the export or carried over: blocks below a consistent extension do not change).
 */
public final class LogVerifier {

    /** The block size the verifier stores roots for (log-format: 1024 leaves). */
    public static final long BLOCK_SIZE = 1024;

    private LogVerifier() {
    }

    /**
     * @param export the log recomputed from the export (read with {@link #blockSize} and {@link #sizesOfInterest}),
     *               or null
     */
    public static Verdict update(TrustedState state, LogCheckpoint checkpoint, PublicKey key, ConsistencyProof proof,
                                 LogExport export) {
        String origin = checkpoint.origin();
        String name = origin + " at size " + checkpoint.treeSize();
        if (!checkpoint.signedBy(origin, key)) {
            return failure(Tampering.INCONSISTENT, " " + name + ": no valid signature by key " + origin + "+"
                    + HexFormat.of().formatHex(LogCheckpoint.keyHash(origin, key)) + " (the checkpoint was changed "
                    + "after it was signed, or not signed with the public key given)");
        }
        TrustedState.Head head = state.head(origin);
        String rewrite = export == null || head == null ? null : rewriteBelow(head, export);
        List<String> report = new ArrayList<>();
        String relation;
        if (head == null) {
            relation = "LOG OK: " + name + ", root " + shortHex(checkpoint.rootHash()) + "…, signed by the key given;"
                    + " no head of this log was stored: this one is trusted on first use";
        } else if (checkpoint.treeSize() == head.treeSize()) {
            if (!Arrays.equals(checkpoint.rootHash(), head.rootHash())) {
                return failure(Tampering.FORK, " " + name + ": the stored head of the same size has root "
                        + shortHex(head.rootHash()) + "…, this one " + shortHex(checkpoint.rootHash()) + "…: the log "
                        + "shows two different histories, both signed (keep both checkpoints as the evidence)", rewrite);
            }
            relation = "LOG OK: " + name + ", root " + shortHex(checkpoint.rootHash()) + "…: the head already stored";
        } else if (checkpoint.treeSize() < head.treeSize()) {
            return failure(Tampering.INCONSISTENT, " " + name + ": older than the stored head of size "
                    + head.treeSize() + "; not stored (the stored head is kept)", rewrite);
        } else if (proof == null) {
            return failure(Tampering.INCONSISTENT, " " + name + ": a consistency proof from the stored head's size "
                    + head.treeSize() + " is needed (GET /api/audit/log/proof/consistency?from=" + head.treeSize()
                    + "&to=" + checkpoint.treeSize() + "); not stored", rewrite);
        } else if (!proof.origin().equals(origin) || proof.fromSize() != head.treeSize()
                || proof.toSize() != checkpoint.treeSize()) {
            return failure(Tampering.INCONSISTENT, " " + name + ": the consistency proof is for " + proof.origin()
                    + " from size " + proof.fromSize() + " to " + proof.toSize() + ", not from the stored size "
                    + head.treeSize() + " to " + checkpoint.treeSize() + "; not stored", rewrite);
        } else if (!proof.proves(head.rootHash(), checkpoint.rootHash())) {
            return failure(Tampering.INCONSISTENT, " " + name + ": not a consistent extension of the stored head of "
                    + "size " + head.treeSize() + " (root " + shortHex(head.rootHash()) + "…): the consistency proof "
                    + "fails, so the history below the stored head was rewritten or the log forked; not stored", rewrite);
        } else {
            relation = "LOG OK: " + name + ", root " + shortHex(checkpoint.rootHash()) + "…, signed by the key given,"
                    + " a consistent extension of the stored head of size " + head.treeSize() + " (consistency proof)";
        }
        if (rewrite != null) {
            return failure(Tampering.REWRITTEN, rewrite.substring(Tampering.REWRITTEN.name().length()));
        }
        report.add(relation);
        TrustedState.Blocks blocks = head == null ? null : head.blocks();
        if (export != null) {
            byte[] root = export.rootAt(checkpoint.treeSize());
            if (root == null) {
                return failure(Tampering.REWRITTEN, ": the export holds " + export.size() + " events, fewer than the "
                        + checkpoint.treeSize() + " leaves of the checkpoint: it is filtered, resumed or cut short, or "
                        + "older than the checkpoint; not stored");
            }
            if (!Arrays.equals(root, checkpoint.rootHash())) {
                return failure(Tampering.REWRITTEN, ": the log recomputed from the export's first "
                        + checkpoint.treeSize() + " events has root " + shortHex(root) + "…, the checkpoint "
                        + shortHex(checkpoint.rootHash()) + "…: the export is not the history the log signed "
                        + "(changed, filtered or resumed); not stored");
            }
            long complete = checkpoint.treeSize() / export.blockSize();
            blocks = new TrustedState.Blocks(export.blockSize(), export.blockRoots().subList(0, (int) complete));
            report.add("LOG OK: the log recomputed from the export's first " + checkpoint.treeSize()
                    + " events has the checkpoint's root; " + complete + " block roots of " + export.blockSize()
                    + " leaves stored");
            if (export.unchained() > 0) {
                report.add("note: " + export.unchained() + " events were stored before the hash chain existed; their "
                        + "leaves are 32 zero bytes, so the log proves their place and count, not their content");
            }
        }
        state.put(origin, new TrustedState.Head(checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.text(), blocks));
        return new Verdict(null, report);
    }

    /** Whether the checkpoint carries a valid signature of the log's own key (its origin as key name). */
    public static Verdict signedByTheLog(LogCheckpoint checkpoint, PublicKey key) {
        if (checkpoint.signedBy(checkpoint.origin(), key)) {
            return new Verdict(null, List.of());
        }
        return failure(Tampering.INCONSISTENT, " " + checkpoint.origin() + " at size " + checkpoint.treeSize()
                + ": no valid signature by key " + checkpoint.origin() + "+"
                + HexFormat.of().formatHex(LogCheckpoint.keyHash(checkpoint.origin(), key)) + " (the checkpoint was "
                + "changed after it was signed, or not signed with the public key given)");
    }

    /** Whether the event of an inclusion proof is in the signed head given (RFC 9162 §2.1.3.2). */
    public static Verdict inclusion(LogCheckpoint checkpoint, PublicKey key, LogInclusionProof proof) {
        String at = " position " + proof.position() + " (leaf " + proof.leafIndex() + ") in " + checkpoint.origin()
                + " at size " + checkpoint.treeSize();
        if (!checkpoint.signedBy(checkpoint.origin(), key)) {
            return failure(Tampering.INCONSISTENT, " " + checkpoint.origin() + " at size " + checkpoint.treeSize()
                    + ": no valid signature by key " + checkpoint.origin() + "+"
                    + HexFormat.of().formatHex(LogCheckpoint.keyHash(checkpoint.origin(), key)));
        }
        if (!proof.origin().equals(checkpoint.origin()) || proof.treeSize() != checkpoint.treeSize()) {
            return failure(Tampering.INCLUSION, at + ": the proof is for " + proof.origin() + " at size "
                    + proof.treeSize() + ", not for this checkpoint");
        }
        if (!proof.leadsTo(checkpoint.rootHash())) {
            return failure(Tampering.INCLUSION, at + ": the proof does not lead from the leaf to the signed root");
        }
        return new Verdict(null, List.of("INCLUSION OK:" + at + ", leaf hash " + shortHex(proof.leafHash()) + "…"));
    }

    /**
     * Whether each witness cosigned this head (C2SP tlog-cosignature): {@code COSIGNED OK by <witness> at <time>} for
     * each, or the first witness without a valid cosignature ({@link Tampering#COSIGNATURE}).
     */
    public static Verdict cosigned(LogCheckpoint checkpoint, List<WitnessKey> witnesses) {
        String head = checkpoint.origin() + " at size " + checkpoint.treeSize();
        List<String> report = new ArrayList<>();
        for (WitnessKey witness : witnesses) {
            java.util.Optional<java.time.Instant> at = Cosignature.on(checkpoint, witness);
            if (at.isEmpty()) {
                boolean named = checkpoint.signatures().stream().anyMatch(s -> s.keyName().equals(witness.name()));
                return failure(Tampering.COSIGNATURE, " " + head + ": " + (named ? "the line of witness "
                        + witness.name() + " does not verify with its key " + HexFormat.of().formatHex(witness.keyId())
                        + " (changed, made over another head, or by another key)" : "no cosignature of witness "
                        + witness.name() + " on this checkpoint (ask for the checkpoint of a size it cosigned, "
                        + "GET /api/audit/log/checkpoint?size=)"));
            }
            report.add("COSIGNED OK by " + witness.name() + " at " + at.get() + ": " + head + ", root "
                    + shortHex(checkpoint.rootHash()) + "…");
        }
        return new Verdict(null, report);
    }

    /**
     * Whether an RFC 3161 token timestamps this head's note body, signed by the TSA certificate given:
     * {@code TIMESTAMP OK} with its genTime, or why not ({@link Tampering#TIMESTAMP}).
     */
    public static Verdict timestamped(LogCheckpoint checkpoint, TimestampToken token,
                                      java.security.cert.X509Certificate tsa) {
        String head = checkpoint.origin() + " at size " + checkpoint.treeSize();
        String problem = token.problem(checkpoint.body(), tsa);
        if (problem != null) {
            return failure(Tampering.TIMESTAMP, " " + head + ": " + problem);
        }
        return new Verdict(null, List.of("TIMESTAMP OK: " + head + ", root " + shortHex(checkpoint.rootHash())
                + "…, existed at " + token.genTime() + " (genTime, signed by " + tsa.getSubjectX500Principal().getName()
                + ")"));
    }

    /** The block size to recompute an export with: the stored head's, else {@link #BLOCK_SIZE}. */
    public static long blockSize(TrustedState state, String origin) {
        TrustedState.Head head = state.head(origin);
        return head != null && head.blocks() != null ? head.blocks().size() : BLOCK_SIZE;
    }

    /** The tree sizes whose roots the export must give: the stored head's and the checkpoint's. */
    public static long[] sizesOfInterest(TrustedState state, LogCheckpoint checkpoint) {
        TrustedState.Head head = state.head(checkpoint.origin());
        return head == null ? new long[]{checkpoint.treeSize()} : new long[]{head.treeSize(), checkpoint.treeSize()};
    }

    /**
     * Null when the export's log at the stored size is the stored head; else the report line naming the first block
     * that differs (by the stored block roots) or, past them, the leaves after the last block.
     */
    static String rewriteBelow(TrustedState.Head head, LogExport export) {
        byte[] root = export.rootAt(head.treeSize());
        if (root != null && Arrays.equals(root, head.rootHash())) {
            return null;
        }
        String why = root == null
                ? "the export holds " + export.size() + " events, fewer than the " + head.treeSize() + " leaves of the"
                  + " stored head"
                : "the log recomputed from the export's first " + head.treeSize() + " events has root "
                  + shortHex(root) + "…, the stored head " + shortHex(head.rootHash()) + "…";
        long from = 0;
        long to = head.treeSize();
        TrustedState.Blocks blocks = head.blocks();
        if (blocks != null && blocks.size() == export.blockSize()) {
            List<byte[]> recomputed = export.blockRoots();
            int block = 0;
            while (block < blocks.roots().size() && block < recomputed.size()
                    && Arrays.equals(blocks.roots().get(block), recomputed.get(block))) {
                block++;
            }
            from = block * blocks.size();
            if (block < blocks.roots().size()) {
                to = from + blocks.size();
            }
        }
        String where;
        if (from >= export.size()) {
            where = "the export ends before leaf " + from + " (after position "
                    + (export.size() == 0 ? "none" : String.valueOf(export.positionOf(export.size() - 1)))
                    + "): events at or after it were removed or cut off";
        } else {
            long last = Math.min(to, export.size()) - 1;
            where = "the first difference is " + (to - from == 1 ? "leaf " + from : "in leaves " + from + " to "
                    + (to - 1)) + ": at position " + export.positionOf(from)
                    + (last > from ? " or after it, up to position " + export.positionOf(last) : "")
                    + " (an event changed, removed, inserted or reordered there)";
        }
        return Tampering.REWRITTEN + " below the stored head of size " + head.treeSize() + ": " + why + "; " + where;
    }

    static String shortHex(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static Verdict failure(Tampering kind, String detail, String rewrite) {
        List<String> lines = new ArrayList<>();
        lines.add(kind + detail);
        if (rewrite != null) {
            lines.add(rewrite);
        }
        return new Verdict(kind, lines);
    }

    private static Verdict failure(Tampering kind, String detail) {
        return failure(kind, detail, null);
    }
}
