package nl.ggz.contracts.domain.ceiling;

import java.time.Instant;

/** The policy's decision period passed without a decision (seed 001: 4 weeks / 1 month; seed 003: often 1–3 months). */
public record IncreaseDecisionOverdue(String ceilingId, String requestId, Instant decisionDueAt) {
}
