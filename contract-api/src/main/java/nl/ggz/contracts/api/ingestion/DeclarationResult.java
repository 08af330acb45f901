package nl.ggz.contracts.api.ingestion;

import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.domain.ceiling.DeclarationStatus;

/** The answer for one line, in the order the lines were sent. */
public record DeclarationResult(String declarationId, DeclarationStatus status, String ceilingId, Long payableCents,
                                Long unpaidCents, String reason) {

    static DeclarationResult of(DeclarationOutcome outcome) {
        return new DeclarationResult(outcome.declarationId(), outcome.status(), outcome.ceilingId(),
                outcome.payable() == null ? null : outcome.payable().cents(),
                outcome.unpaid() == null ? null : outcome.unpaid().cents(), outcome.reason());
    }

    static DeclarationResult rejected(String declarationId, String ceilingId, String reason) {
        return new DeclarationResult(declarationId, DeclarationStatus.REJECTED, ceilingId, null, null, reason);
    }

    static DeclarationResult duplicate(String declarationId, String reason) {
        return new DeclarationResult(declarationId, DeclarationStatus.DUPLICATE, null, null, null, reason);
    }
}
