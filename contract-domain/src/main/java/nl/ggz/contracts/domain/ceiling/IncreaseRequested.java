package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A request for more room under the ceiling, submitted: judged on the criteria it names (seed 001) and its free-text
 * grounds. It counts as complete unless the purchaser asks for more information, so the decision is due the policy's
 * period after it, at the end of that day in Amsterdam (seed 001: "wanneer de verhogingsaanvraag compleet is").
 * Revision 2 added {@code criteria}; requests stored before name none.
 */
@Revision("2")
public record IncreaseRequested(String ceilingId,
                                String requestId,
                                Money amount,
                                String grounds,
                                List<IncreaseCriterion> criteria,
                                Instant requestedAt,
                                Instant decisionDueAt) {

    public IncreaseRequested {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** A request that names no criteria (as every request did before revision 2). */
    public IncreaseRequested(String ceilingId, String requestId, Money amount, String grounds, Instant requestedAt,
                             Instant decisionDueAt) {
        this(ceilingId, requestId, amount, grounds, List.of(), requestedAt, decisionDueAt);
    }
}
