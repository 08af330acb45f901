package nl.ggz.contracts.audit;

import java.util.List;

/**
 * One stream of a bundle in its manifest: its head — the last event in the bundle, also its last event up to the
 * checkpoint — and the {@link InclusionProof} of that head in the checkpoint's root: the leaf index, the number of
 * leaves and the audit path (hex, bottom first). {@code hash} and the proof are null for a stream stored entirely
 * before the hash chain existed, which is no leaf.
 */
public record BundleStream(String aggregateId, long sequence, String hash, Long leafIndex, Long treeSize,
                           List<String> auditPath) {
}
