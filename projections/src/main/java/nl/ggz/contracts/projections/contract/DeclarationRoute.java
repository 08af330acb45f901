package nl.ggz.contracts.projections.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * What routing a declaration to its ceiling needs of a contract, and no more: whose it is, whether it is signed, its
 * term and its ceilings (one per calendar year).
 */
public record DeclarationRoute(String contractId, String insurer, String status, boolean signed, LocalDate termStart,
                               LocalDate termEnd, List<String> ceilingIds) {
}
