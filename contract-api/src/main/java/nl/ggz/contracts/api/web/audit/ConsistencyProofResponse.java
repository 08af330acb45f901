package nl.ggz.contracts.api.web.audit;

import java.util.List;

/** An RFC 9162 §2.1.4.1 consistency proof from a tree of {@code fromSize} leaves to one of {@code toSize}. */
public record ConsistencyProofResponse(String origin, long fromSize, long toSize, List<String> hashes) {
}
