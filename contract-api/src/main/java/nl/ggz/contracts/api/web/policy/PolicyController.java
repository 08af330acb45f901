package nl.ggz.contracts.api.web.policy;

import jakarta.validation.Valid;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.policy.PublishPurchasingPolicy;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.writestore.policy.FindPolicy;
import nl.ggz.contracts.writestore.policy.PolicyView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policies/{insurerUzovi}/{year}")
public class PolicyController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public PolicyController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PutMapping
    public PolicyResponse publish(@PathVariable @ValidText(Text.CODE) String insurerUzovi, @PathVariable int year,
                                  @Valid @RequestBody PolicyRequest request) {
        InsurerCode insurer = new InsurerCode(insurerUzovi);
        requireYear(year);
        Tenancy.requireActsFor(insurer.value());
        commands.sendAndWait(new PublishPurchasingPolicy(PublishPurchasingPolicy.policyIdOf(insurer, year), insurer,
                year, request.toParameters(year)));
        return find(insurer, year);
    }

    @GetMapping
    public PolicyResponse inForce(@PathVariable @ValidText(Text.CODE) String insurerUzovi, @PathVariable int year) {
        requireYear(year);
        return find(new InsurerCode(insurerUzovi), year);
    }

    private PolicyResponse find(InsurerCode insurer, int year) {
        return PolicyResponse.of(queries.query(new FindPolicy(insurer, year), PolicyView.class).join());
    }

    private static void requireYear(int year) {
        if (!ContractYears.contains(year)) {
            throw new InvalidValueException("a contract year is between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got " + year);
        }
    }
}
