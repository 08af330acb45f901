package nl.ggz.contracts.eventstore;

import nl.ggz.contracts.audit.StreamHead;

import java.util.List;

/**
 * Every stream's last event up to a global position, and how many events there are up to it: what a checkpoint
 * signs. A head without a hash is a stream stored entirely before the chain existed.
 */
public record ChainHeads(long upToPosition, long events, List<StreamHead> heads) {

    public ChainHeads {
        heads = List.copyOf(heads);
    }
}
