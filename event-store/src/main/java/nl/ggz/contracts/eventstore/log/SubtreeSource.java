package nl.ggz.contracts.eventstore.log;

/**
 * The hashes of a log's complete aligned subtrees: {@code subtree(level, index)} is the root of the 2^level leaves
 * from {@code index * 2^level} on (level 0: the leaf hash). Every root and proof of the log is made of at most two
 * such subtrees per level ({@link LogProofs}), so a source that keeps them costs O(log n) reads per answer.
 */
public interface SubtreeSource {

    byte[] subtree(int level, long index);
}
