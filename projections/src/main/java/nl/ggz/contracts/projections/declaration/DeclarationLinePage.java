package nl.ggz.contracts.projections.declaration;

import java.util.List;

/** A page of a ceiling's declaration lines; {@code next} is the {@code after} of the next page, null on the last. */
public record DeclarationLinePage(String ceilingId, List<DeclarationLineView> lines, Long next) {
}
