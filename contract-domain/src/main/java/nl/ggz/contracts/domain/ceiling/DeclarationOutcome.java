package nl.ggz.contracts.domain.ceiling;

import com.fasterxml.jackson.annotation.JsonProperty;
import nl.ggz.contracts.domain.shared.Money;

/**
 * The answer for one line: payable and unpaid are the line's own parts (negative for a credit). It is also the answer
 * the claims system reads, element of {@code POST /api/declarations}' results, so its amounts carry the API's names
 * for cents (DESIGN.md §5).
 */
public record DeclarationOutcome(String declarationId,
                                 DeclarationStatus status,
                                 String ceilingId,
                                 @JsonProperty("payableCents") Money payable,
                                 @JsonProperty("unpaidCents") Money unpaid,
                                 String reason) {

    public static DeclarationOutcome accepted(String declarationId, String ceilingId, Money payable, Money unpaid) {
        return new DeclarationOutcome(declarationId, DeclarationStatus.ACCEPTED, ceilingId, payable, unpaid, null);
    }

    public static DeclarationOutcome duplicate(String declarationId, String ceilingId) {
        return new DeclarationOutcome(declarationId, DeclarationStatus.DUPLICATE, ceilingId, null, null,
                "declaration " + declarationId + " was already accepted; nothing changed");
    }

    public static DeclarationOutcome rejected(String declarationId, String ceilingId, String reason) {
        return new DeclarationOutcome(declarationId, DeclarationStatus.REJECTED, ceilingId, null, null, reason);
    }
}
