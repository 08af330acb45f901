package nl.ggz.contracts.api.web.audit;

import java.util.List;

/** An RFC 9162 inclusion proof as the log format has it: hashes in standard base64, nearest sibling first. */
public record InclusionProofResponse(String origin, long treeSize, long leafIndex, long position, String leafHash,
                                     List<String> hashes) {
}
