package nl.ggz.contracts.eventstore.log;

import java.util.List;

/** An event's leaf in a log of {@code treeSize} leaves and its RFC 9162 inclusion proof (PATH). */
public record InclusionAnswer(String origin, long treeSize, long leafIndex, long position, byte[] leafHash,
                              List<byte[]> hashes) {
}
