package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/** What the ledger knows of an accepted declaration: where it went and how much of it is left after credits. */
public record LedgerEntry(String declarationId, String ceilingId, Money remaining, boolean credit) {
}
