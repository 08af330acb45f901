package nl.ggz.contracts.projections.contract;

import java.util.Collection;

/** Where the lines of a claims batch go: for each named contract, what routing a declaration needs. */
public record FindDeclarationRoutes(Collection<String> contractIds) {
}
