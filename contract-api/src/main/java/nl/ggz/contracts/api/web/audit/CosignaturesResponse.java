package nl.ggz.contracts.api.web.audit;

import java.util.List;

/**
 * The cosignatures accepted of a head: each witness, when it cosigned (its timestamp), and whether it was kept now
 * ({@code false}: that witness's cosignature of this head was kept before, and stays).
 */
public record CosignaturesResponse(String origin, long treeSize, List<Cosignature> cosignatures) {

    public record Cosignature(String witness, String cosignedAt, boolean stored) {
    }
}
