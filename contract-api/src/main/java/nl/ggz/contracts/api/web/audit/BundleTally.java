package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.eventstore.AuditEvent;
import nl.ggz.contracts.audit.BundleStream;
import nl.ggz.contracts.audit.InclusionProof;
import nl.ggz.contracts.audit.MerkleTree;
import nl.ggz.contracts.audit.StreamHead;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the events of a bundle as they are written, for its manifest: in all, per stored type, the first and last
 * position, and each stream's last event (its head; memory grows with the streams, not the events).
 */
final class BundleTally {

    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, StreamHead> heads = new TreeMap<>();
    private long events;
    private Long firstPosition;
    private Long lastPosition;

    void count(AuditEvent event) {
        events++;
        byType.merge(event.eventType(), 1L, Long::sum);
        if (firstPosition == null) {
            firstPosition = event.position();
        }
        lastPosition = event.position();
        heads.put(event.aggregateId(), new StreamHead(event.aggregateId(), event.sequenceNumber(), event.hash()));
    }

    long events() {
        return events;
    }

    Map<String, Long> byType() {
        return byType;
    }

    Long firstPosition() {
        return firstPosition;
    }

    Long lastPosition() {
        return lastPosition;
    }

    int streams() {
        return heads.size();
    }

    /** Each stream's head with its inclusion proof in the checkpoint's tree, in order of aggregate id. */
    List<BundleStream> streams(MerkleTree tree) {
        return heads.values().stream().map(head -> proved(head, tree)).toList();
    }

    /** A stream's head with its inclusion proof in the checkpoint's tree. */
    static BundleStream proved(StreamHead head, MerkleTree tree) {
        int index = head.hash() == null ? -1 : tree.indexOf(head.aggregateId());
        if (index < 0) {
            // stored before the chain existed: no leaf, nothing to prove
            return new BundleStream(head.aggregateId(), head.sequence(), Hex.of(head.hash()), null, null, null);
        }
        InclusionProof proof = tree.proof(index);
        return new BundleStream(head.aggregateId(), head.sequence(), Hex.of(head.hash()), proof.leafIndex(),
                proof.treeSize(), proof.path().stream().map(Hex::of).toList());
    }
}
