package nl.ggz.contracts.projections.declaration;

import java.time.LocalDate;

/** A keyset page of a ceiling's declarations in declaration order: after {@code after}, at most {@code limit}. */
public record FindDeclarationLines(String ceilingId, DeclarationLineStatus status, LocalDate from, LocalDate to,
                                   long after, int limit) {
}
