package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;

import java.time.Instant;

/**
 * What the ceiling keeps of one increase request: enough to decide it and to know when it is overdue.
 * {@code decisionDueAt} is null while the clock is stopped (information requested).
 */
record IncreaseRequestState(Money amount, Instant decisionDueAt, Status status, boolean overdue) {

    enum Status {
        /** Submitted; complete unless the purchaser asks for more: the clock runs from the submission. */
        SUBMITTED,
        /** The purchaser asked for more information; the clock is stopped. */
        INFORMATION_REQUESTED,
        /** The provider sent the information; the clock runs from then. */
        COMPLETE,
        APPROVED,
        REJECTED;

        boolean open() {
            return this == SUBMITTED || this == INFORMATION_REQUESTED || this == COMPLETE;
        }
    }

    IncreaseRequestState withStatus(Status newStatus) {
        return new IncreaseRequestState(amount, decisionDueAt, newStatus, overdue);
    }

    IncreaseRequestState withClock(Status newStatus, Instant dueAt) {
        return new IncreaseRequestState(amount, dueAt, newStatus, overdue);
    }

    IncreaseRequestState markedOverdue() {
        return new IncreaseRequestState(amount, decisionDueAt, status, true);
    }
}
