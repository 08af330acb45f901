package nl.ggz.contracts.audit;

/**
 * The last event of a stream (an aggregate) up to some position: its sequence number and its hash ({@link EventHash}).
 * {@code hash} is null for a stream whose events were all stored before the hash chain existed; such a stream is no
 * leaf of a {@link MerkleRoot}.
 */
public record StreamHead(String aggregateId, long sequence, byte[] hash) {

    public boolean chained() {
        return hash != null;
    }
}
