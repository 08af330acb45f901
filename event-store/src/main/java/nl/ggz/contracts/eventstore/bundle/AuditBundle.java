package nl.ggz.contracts.eventstore.bundle;

import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.MerkleTree;
import nl.ggz.contracts.audit.StreamHead;

import java.util.Map;

/**
 * What a regulator bundle is made of before it is written: the signed checkpoint, the tree over every stream head at
 * its position (from which each bundled stream's head, and each head of the insurer's streams outside the year, is
 * proved in the signed root) and those heads by aggregate id, and the insurer's log head at the checkpoint's position:
 * its origin, its size (the insurer's leaves up to that position) and its signed note.
 */
public record AuditBundle(String insurer, int year, Checkpoint checkpoint, MerkleTree tree,
                          Map<String, StreamHead> heads, String logOrigin, long logSize, String logCheckpoint) {
}
