package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The purchaser refused the request, with its reasons (the NZa counts them, seed 003 §4.2) and free-text grounds.
 * Revision 2 added {@code reasons}; rejections stored before name none.
 */
@Revision("2")
public record IncreaseRejected(String ceilingId, String requestId, String grounds, List<RejectionReason> reasons,
                               Instant decidedAt) {

    public IncreaseRejected {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A rejection on free-text grounds alone (as every rejection was before revision 2). */
    public IncreaseRejected(String ceilingId, String requestId, String grounds, Instant decidedAt) {
        this(ceilingId, requestId, grounds, List.of(), decidedAt);
    }
}
