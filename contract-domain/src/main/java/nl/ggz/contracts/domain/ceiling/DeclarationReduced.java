package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

/**
 * What a credit or claw-back took off one declaration: first of its part held above the ceiling ({@code
 * heldReduction}), then of its payable part ({@code payableReduction}); together the credited or reclaimed amount.
 * Applied right after the {@link DeclarationCredited} or {@link ClawBackIssued} it details; payable room it frees is
 * given to the oldest held declarations by the {@link HeldDeclarationsReleased} that follows.
 */
@Revision("1")
public record DeclarationReduced(String ceilingId,
                                 String declarationId,
                                 PayableChangeCause cause,
                                 String causeId,
                                 Money payableReduction,
                                 Money heldReduction) {
}
