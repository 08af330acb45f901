package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

/**
 * What the ledger knows of an accepted declaration: where it went, how much of it is left after credits and
 * claw-backs, and how much of that is held unpaid above the ceiling (the rest is payable).
 */
public record LedgerEntry(String declarationId, String ceilingId, Money remaining, boolean credit, Money held) {

    /** An entry of which nothing is held. */
    public LedgerEntry(String declarationId, String ceilingId, Money remaining, boolean credit) {
        this(declarationId, ceilingId, remaining, credit, Money.ZERO);
    }
}
