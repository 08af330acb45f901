package nl.ggz.contracts.projections.report;

/** How a purchaser decided an increase request; seed 003 §4.2 counts the share honoured (approved). */
public enum IncreaseDecision {
    APPROVED, REJECTED
}
