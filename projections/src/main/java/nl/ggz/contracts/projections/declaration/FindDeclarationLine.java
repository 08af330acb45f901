package nl.ggz.contracts.projections.declaration;

/** One declaration of a ceiling. */
public record FindDeclarationLine(String ceilingId, String declarationId) {
}
