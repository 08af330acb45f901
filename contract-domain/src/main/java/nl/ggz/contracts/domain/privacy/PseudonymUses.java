package nl.ggz.contracts.domain.privacy;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.util.SortedMap;

/** Where a sealed pseudonym is used: what an erasure affects. */
public interface PseudonymUses {

    /** Ceiling id → the insurer's declarations naming this keyed hash there (credits not counted). */
    SortedMap<String, Integer> declarationsPerCeiling(InsurerCode insurer, String keyedHash);
}
