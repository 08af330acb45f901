package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;

/** What the ceiling keeps of one increase request: enough to decide it and to know it is overdue. */
record IncreaseRequestState(Money amount, Instant decisionDueAt, Status status) {

    enum Status { REQUESTED, APPROVED, REJECTED }

    IncreaseRequestState withStatus(Status newStatus) {
        return new IncreaseRequestState(amount, decisionDueAt, newStatus);
    }
}
