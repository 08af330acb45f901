package nl.ggz.contracts.eventstore.log;

/**
 * One leaf of a log as a bundle lists it: its index, the event's position, stream and sequence (null when the event is
 * no longer in the table), and the leaf hash the log appended.
 */
public record LogLeaf(long leafIndex, long position, String aggregateId, Long sequence, byte[] leafHash) {

    /** Takes the leaves one at a time; an IOException (the client went away) ends the read. */
    public interface Sink {
        void accept(LogLeaf leaf) throws java.io.IOException;
    }
}
