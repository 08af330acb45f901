package nl.ggz.contracts.eventstore.bundle;

import nl.ggz.contracts.eventstore.FindAuditEvents;
import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.MerkleTree;

/**
 * What a regulator bundle is made of before it is written: the insurer's events of the year up to the checkpoint's
 * position ({@code events}, read as the export reads them), the signed checkpoint, and the tree over every stream head
 * at its position, from which each bundled stream's head is proved in the signed root.
 */
public record AuditBundle(String insurer, int year, Checkpoint checkpoint, MerkleTree tree, FindAuditEvents events) {
}
