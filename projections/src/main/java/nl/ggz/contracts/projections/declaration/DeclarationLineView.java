package nl.ggz.contracts.projections.declaration;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One declaration of a ceiling with what became of it: payable + held + credited + clawed back = amount. No patient
 * reference: the list is for paying and reclaiming, and the pseudonym is sealed elsewhere (crypto-shredding).
 * {@code position} is its place in the ceiling's declaration order (the sequence number of the event that accepted
 * it in the ceiling's stream), the keyset of the list's pages.
 */
public record DeclarationLineView(String ceilingId,
                                  String declarationId,
                                  long position,
                                  LocalDate treatmentDate,
                                  String prestatieCode,
                                  int setting,
                                  long amountCents,
                                  long payableCents,
                                  long heldCents,
                                  long creditedCents,
                                  long clawedBackCents,
                                  Instant acceptedAt) {
}
