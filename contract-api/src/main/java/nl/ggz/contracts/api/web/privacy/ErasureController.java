package nl.ggz.contracts.api.web.privacy;

import jakarta.validation.Valid;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.Role;
import nl.ggz.contracts.api.security.Tenancy;
import nl.ggz.contracts.domain.privacy.ErasePatientData;
import nl.ggz.contracts.domain.privacy.PatientDataErased;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Issue 16 (AVG/GDPR art. 17): a patient pseudonym erased by destroying its key (crypto-shredding). A privacy officer
 * erases for its own insurer only (403 for another, whose UZOVI is public, as elsewhere); the operator for any. A
 * pseudonym the insurer never sealed is 404, naming nothing personal, and nothing is recorded.
 */
@RestController
@RequestMapping("/api/privacy/erasures")
public class ErasureController {

    private final CommandGateway commands;

    public ErasureController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    public ErasureResponse erase(@Valid @RequestBody ErasureRequest body) {
        InsurerCode insurer = new InsurerCode(body.insurerUzovi());
        if (Caller.require().role() != Role.OPERATOR) {
            Tenancy.requireActsFor(insurer.value());
        }
        PatientDataErased erased = commands.sendAndWait(
                new ErasePatientData(UUID.randomUUID().toString(), insurer, body.patientRef()));
        return ErasureResponse.of(erased);
    }
}
