package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The contract year is closed (afrekening; seed 000: settlement continues into the year after): the final figures of
 * the ceiling. From now on it accepts no declaration or credit; a claw-back is still possible, as a recovery after
 * settlement. counted = declared − clawedBack − withdrawnUnpaid; payable is counted up to the ceiling, unpaid the rest.
 */
@Revision("1")
public record CeilingSettled(String ceilingId,
                             Instant settledAt,
                             Money initialCeiling,
                             Money ceiling,
                             Money declared,
                             Money payable,
                             Money unpaid,
                             Money clawedBack,
                             Money withdrawnUnpaid) {
}
