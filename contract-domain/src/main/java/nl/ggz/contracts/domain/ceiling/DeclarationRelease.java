package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/** What of one held declaration became payable. */
public record DeclarationRelease(String declarationId, Money amount) {
}
