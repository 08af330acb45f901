package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/** A declaration with a part held above the ceiling; {@code order} is its place in acceptance order on its ceiling. */
public record HeldDeclaration(String declarationId, long order, Money held) {
}
