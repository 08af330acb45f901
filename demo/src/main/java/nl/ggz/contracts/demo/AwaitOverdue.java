package nl.ggz.contracts.demo;

/**
 * A pause in a scenario until the request's decision deadline has fired and marked it overdue: a purchaser who decides
 * after the decision period then does so on a request that the history shows overdue, as it would be in real life,
 * and what the scenario does after the due moment is stored after the overdue event, as it happened. Deadlines are
 * held back while the demo is written (see {@link DemoData}), so the rest of such a scenario runs last.
 */
record AwaitOverdue(String ceilingId, String requestId, java.time.Instant dueAt) {

    /** The payload of the request's decision deadline, as the ceiling set it. */
    nl.ggz.contracts.domain.ceiling.DecisionDue deadline() {
        return new nl.ggz.contracts.domain.ceiling.DecisionDue(requestId, dueAt);
    }
}
