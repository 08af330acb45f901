package nl.ggz.contracts.domain.ceiling;

import java.time.Instant;

/**
 * The payload of an increase request's decision deadline: which request, and the due moment it was set for. A request
 * whose clock stopped and started again has a later due moment; the deadline set for the earlier one then does nothing.
 */
public record DecisionDue(String requestId, Instant dueAt) {
}
