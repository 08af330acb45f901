package nl.ggz.contracts.domain.ceiling;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The purchaser needs more information to judge the request: it is not complete, and the decision clock stops until
 * the provider completes it (seed 001: "Als er voor de beoordeling van de verhogingsaanvraag meer informatie nodig is,
 * vragen wij desbetreffende informatie op bij de zorgaanbieder").
 */
@Revision("1")
public record IncreaseInformationRequested(String ceilingId, String requestId, String question, Instant requestedAt) {
}
