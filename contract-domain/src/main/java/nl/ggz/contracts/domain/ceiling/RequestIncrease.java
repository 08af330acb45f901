package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public record RequestIncrease(@TargetAggregateIdentifier String ceilingId,
                              String requestId,
                              Money amount,
                              String grounds,
                              List<IncreaseCriterion> criteria,
                              Instant requestedAt) {

    public RequestIncrease {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public RequestIncrease(String ceilingId, String requestId, Money amount, String grounds, Instant requestedAt) {
        this(ceilingId, requestId, amount, grounds, List.of(), requestedAt);
    }
}
