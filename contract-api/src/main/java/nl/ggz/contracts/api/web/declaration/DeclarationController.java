package nl.ggz.contracts.api.web.declaration;

import nl.ggz.contracts.api.security.Caller;

import nl.ggz.contracts.api.ingestion.DeclarationIntake;
import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.api.problem.PayloadTooLargeException;
import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/declarations")
public class DeclarationController {

    private final DeclarationIntake intake;
    private final int maxBatchSize;

    public DeclarationController(DeclarationIntake intake, GgzProperties settings) {
        this.intake = intake;
        this.maxBatchSize = settings.declarations().maxBatchSize();
    }

    @PostMapping
    public Map<String, List<DeclarationOutcome>> submit(@RequestBody DeclarationBatch batch) {
        if (batch.declarations() == null || batch.declarations().isEmpty()) {
            throw new InvalidValueException("declarations must be a non-empty array");
        }
        if (batch.declarations().size() > maxBatchSize) {
            throw new PayloadTooLargeException("a batch holds at most " + maxBatchSize + " declarations, got "
                    + batch.declarations().size() + "; split it");
        }
        // a claims system posts for its own insurer's contracts only (role table: only CLAIMS gets here)
        return Map.of("results", intake.submit(batch.declarations(), Caller.require().insurer()));
    }
}
