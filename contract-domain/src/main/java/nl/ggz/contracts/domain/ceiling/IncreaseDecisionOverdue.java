package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The policy's decision period passed without a decision (seed 001: 4 weeks / 1 month; seed 003: often 1–3 months). */
@Revision("1")
public record IncreaseDecisionOverdue(String ceilingId, String requestId, Instant decisionDueAt) {
}
