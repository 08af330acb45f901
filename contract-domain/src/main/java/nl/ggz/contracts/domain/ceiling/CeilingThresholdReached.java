package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** Seed 001: the provider reports to the purchaser at 70 % of the ceiling; further marks come from the policy. */
@Revision("1")
public record CeilingThresholdReached(String ceilingId, int percent, Money counted, Money ceiling,
                                      String byDeclarationId) {
}
