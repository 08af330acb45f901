package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

/** Counted declarations reached the ceiling: from here on they are held unpaid until an addendum raises it. */
@Revision("1")
public record CeilingExhausted(String ceilingId, Money counted, Money ceiling, String byDeclarationId) {
}
