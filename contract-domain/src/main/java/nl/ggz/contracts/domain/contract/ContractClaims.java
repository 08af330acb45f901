package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderCode;

import java.util.Collection;
import java.util.Optional;

/**
 * Which contract an insurer holds with a provider for a calendar year: one per insurer, provider and year (seed 000:
 * the yearly contract; DESIGN §1). An offer claims every calendar year of its term; the claim is given up when the
 * offer ends without a signature (declined, withdrawn, expired), and kept by a signed contract, also once it is
 * terminated or has ended.
 * <p>
 * Kept beside the event store in the same transaction as the offer, under a unique key on (insurer, provider, year):
 * two offers made at the same moment cannot both claim a year — the second transaction fails on the key and its
 * command is sent again, and then meets the first offer here.
 */
public interface ContractClaims {

    /** The open (offered) or signed contract that holds one of these years, the earliest year first. */
    Optional<Claim> heldFor(InsurerCode insurer, ProviderCode provider, Collection<Integer> years);

    record Claim(String contractId, int year) {
    }
}
