package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/** Seed 001: the provider reports to the purchaser at 70 % of the ceiling; further marks come from the policy. */
public record CeilingThresholdReached(String ceilingId, int percent, Money counted, Money ceiling,
                                      String byDeclarationId) {
}
