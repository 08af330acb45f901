package nl.ggz.contracts.projections.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * An increase request waiting for the purchaser: {@code status} SUBMITTED, INFORMATION_REQUESTED (the decision clock
 * stopped until the provider completes it: {@code decisionDueAt} null) or COMPLETE; the criteria it names (seed 001);
 * the decision is due at the end of the due day in Amsterdam, per the policy's period for the contract's kind.
 */
public record OpenIncreaseRequest(String requestId,
                                  String ceilingId,
                                  String contractId,
                                  String providerAgb,
                                  String providerType,
                                  String kind,
                                  int year,
                                  long amountCents,
                                  String grounds,
                                  List<String> criteria,
                                  String status,
                                  Instant requestedAt,
                                  Instant decisionDueAt,
                                  long daysWaiting,
                                  boolean overdue) {
}
