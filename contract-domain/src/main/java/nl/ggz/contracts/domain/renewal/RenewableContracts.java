package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.util.List;
import java.util.Optional;

/**
 * Where the renewal finds the contracts to renew and the ceiling in force at the end of each: the contracts' and
 * ceilings' state as the application keeps it (read models written in the transaction of every contract and ceiling
 * event, so they hold every addendum signed before the renewal is asked for).
 */
public interface RenewableContracts {

    /**
     * The insurer's signed contracts (running or ended, not terminated) whose term ends in {@code year}, of this
     * provider type and kind when given (null: any), in a stable order.
     */
    List<RenewableContract> signedEndingIn(InsurerCode insurer, int year, ProviderType providerType, ContractKind kind);

    /** The contract, whatever its state; empty when there is none with that id. */
    Optional<RenewableContract> find(String contractId);
}
