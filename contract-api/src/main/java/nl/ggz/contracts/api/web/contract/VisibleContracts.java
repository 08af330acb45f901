package nl.ggz.contracts.api.web.contract;

import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** A contract as the caller may see it: another tenant's contract is "not found", word for word as an unknown id. */
@Component
class VisibleContracts {

    private final QueryGateway queries;

    VisibleContracts(QueryGateway queries) {
        this.queries = queries;
    }

    ContractView find(String contractId) {
        String notFound = "no contract with id " + contractId;
        ContractView view = queries.query(new FindContract(contractId),
                ResponseTypes.optionalInstanceOf(ContractView.class)).join()
                .orElseThrow(() -> new NotFoundException(notFound));
        Tenancy.requireSees(view.insurerUzovi(), view.providerAgb(), notFound);
        return view;
    }
}
