package nl.ggz.contracts.domain.ceiling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

public record RejectIncrease(@TargetAggregateIdentifier String ceilingId,
                             String requestId,
                             String grounds,
                             List<RejectionReason> reasons,
                             Instant decidedAt) {

    public RejectIncrease {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public RejectIncrease(String ceilingId, String requestId, String grounds, Instant decidedAt) {
        this(ceilingId, requestId, grounds, List.of(), decidedAt);
    }
}
