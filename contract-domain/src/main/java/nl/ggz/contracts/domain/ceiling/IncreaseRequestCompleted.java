package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The provider sent the information asked for: the request is complete, and the decision is due the policy's period
 * after this day, at its end (seed 001: "Nadat we de verhogingsaanvraag en de benodigde informatie hebben ontvangen,
 * informeren we de zorgaanbieder binnen 1 maand").
 */
@Revision("1")
public record IncreaseRequestCompleted(String ceilingId, String requestId, String information, Instant completedAt,
                                       Instant decisionDueAt) {
}
