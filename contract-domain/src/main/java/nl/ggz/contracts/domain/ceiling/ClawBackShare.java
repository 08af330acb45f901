package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/** The part of a claw-back charged to one declaration. */
public record ClawBackShare(String declarationId, Money amount) {
}
