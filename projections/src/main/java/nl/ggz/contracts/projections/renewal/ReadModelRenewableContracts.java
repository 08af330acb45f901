package nl.ggz.contracts.projections.renewal;

import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.contract.ContractStatus;
import nl.ggz.contracts.domain.renewal.RenewableContract;
import nl.ggz.contracts.domain.renewal.RenewableContracts;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.projections.ceiling.CeilingQueries;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
import nl.ggz.contracts.projections.contract.ContractEnding;
import nl.ggz.contracts.projections.contract.ContractQueries;
import nl.ggz.contracts.projections.contract.FindContract;
import nl.ggz.contracts.projections.contract.FindContractsEndingIn;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The renewal's contracts and their ceilings in force, from the contract and ceiling state: both written in the
 * transaction of their events (subscribing processors), so an addendum signed before the renewal was asked for is in
 * the ceiling it reads (DESIGN §5: GET ceiling reflects every command answered 2xx).
 */
@Component
public class ReadModelRenewableContracts implements RenewableContracts {

    /** Signed, running or ended; a terminated contract is not renewed. */
    private static final List<String> SIGNED = List.of(ContractStatus.SIGNED.name(), ContractStatus.ENDED.name());

    private final ContractQueries contracts;
    private final CeilingQueries ceilings;

    public ReadModelRenewableContracts(ContractQueries contracts, CeilingQueries ceilings) {
        this.contracts = contracts;
        this.ceilings = ceilings;
    }

    @Override
    public List<RenewableContract> signedEndingIn(InsurerCode insurer, int year, ProviderType providerType,
                                                  ContractKind kind) {
        return contracts.find(new FindContractsEndingIn(insurer.value(), year, SIGNED,
                        providerType == null ? null : providerType.name(), kind == null ? null : kind.name()))
                .stream().map(ReadModelRenewableContracts::renewable).toList();
    }

    @Override
    public Optional<RenewableContract> find(String contractId) {
        return contracts.find(new FindContract(contractId)).map(view -> {
            // the ceiling of the term's last year, as it stands
            Optional<CeilingView> last = ceilings.find(new FindCeiling(CeilingIds.of(contractId,
                    view.termEnd().getYear())));
            return new RenewableContract(contractId, new ProviderCode(view.providerAgb()), view.termEnd(),
                    last.map(CeilingView::ceilingId).orElse(null),
                    last.map(ceiling -> Money.cents(ceiling.ceilingCents())).orElse(null));
        });
    }

    private static RenewableContract renewable(ContractEnding contract) {
        return new RenewableContract(contract.contractId(), new ProviderCode(contract.providerAgb()),
                contract.termEnd(), contract.ceilingId(),
                contract.ceilingCents() == null ? null : Money.cents(contract.ceilingCents()));
    }
}
