package nl.ggz.contracts.audit;

/** Which signed checkpoint a bundle's manifest refers to: its id, the position it covers, its root (hex). */
public record BundleCheckpoint(long id, long upToPosition, String merkleRoot) {
}
