package nl.ggz.contracts.api.web.policy;

import jakarta.validation.Valid;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.domain.renewal.ContractRenewals;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * {@code POST /api/policies/{insurerUzovi}/{year}/renewals}: the yearly cycle (seed 000: next year's contracts are
 * concluded in the autumn; seed 001: offered on this year's ceiling "inclusief eventuele verhoging"). Every signed
 * contract of the insurer whose term ends in {@code year} — of the provider type and kind asked for — is offered its
 * next term; a contract the rules refuse (renewed already, the provider holds the next year already, …) is answered
 * {@code SKIPPED} with the reason, and the others go on. Run twice, it offers nothing twice.
 */
@RestController
public class YearlyRenewalController {

    private final ContractRenewals renewals;
    private final CommandGateway commands;
    private final Clock clock;

    public YearlyRenewalController(ContractRenewals renewals, CommandGateway commands, Clock clock) {
        this.renewals = renewals;
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping("/api/policies/{insurerUzovi}/{year}/renewals")
    public YearlyRenewalResponse renewAll(@PathVariable @ValidText(Text.CODE) String insurerUzovi,
                                          @PathVariable int year,
                                          @Valid @RequestBody(required = false) YearlyRenewalRequest request) {
        // a malformed code is bad input (400) before it is someone else's insurer (403)
        InsurerCode insurer = new InsurerCode(insurerUzovi);
        Tenancy.requireActsFor(insurer.value());
        YearlyRenewalRequest asked = request != null ? request : new YearlyRenewalRequest(null, null, null);
        return YearlyRenewalResponse.of(renewals.renewAllEndingIn(insurer, year, asked.providerType(), asked.kind(),
                asked.offerExpiresAt() == null ? null : asked.offerExpiresAt().toInstant(), Caller.require().name(),
                clock.instant(), commands::sendAndWait));
    }
}
