package nl.ggz.contracts.projections.monitoring;

import java.time.Instant;

/** An increase request waiting for the purchaser's decision. */
public record OpenIncreaseRequest(String requestId,
                                  String ceilingId,
                                  String contractId,
                                  String providerAgb,
                                  String providerType,
                                  int year,
                                  long amountCents,
                                  String grounds,
                                  Instant requestedAt,
                                  Instant decisionDueAt,
                                  long daysWaiting,
                                  boolean overdue) {
}
