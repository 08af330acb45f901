package nl.ggz.contracts.api.web.contract;

import jakarta.validation.Valid;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.domain.renewal.ContractRenewals;
import nl.ggz.contracts.domain.renewal.RenewalOutcome;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.projections.contract.ContractView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;

/**
 * {@code POST /api/contracts/{contractId}/renewal}: the purchaser offers the next term of a signed contract to the same
 * provider (seed 001: next year's offer on this year's ceiling "inclusief eventuele verhoging"). The rules are the
 * contract's: 409 when it is not signed (or ended), when it was renewed already, when the provider holds a contract
 * for the next year already.
 */
@RestController
public class ContractRenewalController {

    private final ContractRenewals renewals;
    private final CommandGateway commands;
    private final VisibleContracts contracts;
    private final Clock clock;

    public ContractRenewalController(ContractRenewals renewals, CommandGateway commands, VisibleContracts contracts,
                                     Clock clock) {
        this.renewals = renewals;
        this.commands = commands;
        this.contracts = contracts;
        this.clock = clock;
    }

    @PostMapping("/api/contracts/{contractId}/renewal")
    public ResponseEntity<RenewalResponse> renew(@PathVariable @ValidText(Text.ID) String contractId,
                                                 @Valid @RequestBody(required = false) RenewalRequest request) {
        // another insurer's contract is "not found", word for word as an unknown id
        contracts.find(contractId);
        Long ceilingCents = request == null ? null : request.ceilingCents();
        RenewalOutcome renewed = renewals.renew(contractId, ceilingCents == null ? null : Money.cents(ceilingCents),
                request == null || request.offerExpiresAt() == null ? null : request.offerExpiresAt().toInstant(),
                Caller.require().name(), clock.instant(), commands::sendAndWait);
        ContractView offer = contracts.find(renewed.renewalContractId());
        return ResponseEntity.created(URI.create("/api/contracts/" + offer.contractId()))
                .body(new RenewalResponse(offer.contractId(), contractId, offer.termStart(), offer.termEnd(),
                        renewed.ceiling().cents(), renewed.ceilingFrom()));
    }

}
