package nl.ggz.contracts.eventstore;

import java.time.Instant;
import java.util.Set;

/**
 * Which stored events an audit export holds: every filter that is not null narrows it (AND), and only positions after
 * {@code after} are read, at most {@code limit} of them (null: all). {@code payloadTypes} are the stored type names
 * (fully qualified); {@code from} and {@code to} bound the event timestamp as [from, to).
 */
public record FindAuditEvents(String contractId,
                              String insurer,
                              String provider,
                              Integer year,
                              Instant from,
                              Instant to,
                              Set<String> payloadTypes,
                              long after,
                              Long limit) {

    public FindAuditEvents {
        payloadTypes = payloadTypes == null ? Set.of() : Set.copyOf(payloadTypes);
    }

    /** Whether the export is narrowed to the aggregates of some contracts, ceilings or policies. */
    boolean scoped() {
        return contractId != null || insurer != null || provider != null || year != null;
    }
}
