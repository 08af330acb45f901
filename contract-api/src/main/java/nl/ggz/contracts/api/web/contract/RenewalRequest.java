package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import nl.ggz.contracts.api.input.Limits;

import java.time.OffsetDateTime;

/**
 * The renewal of a contract; both optional.
 *
 * @param ceilingCents   the new offer's ceiling per year; left out: the ceiling in force at the end of the term (seed
 *                       001, "inclusief eventuele verhoging")
 * @param offerExpiresAt when the new offer lapses unsigned; left out: the new year's policy's offer validity
 */
public record RenewalRequest(@Positive @Max(Limits.MAX_CENTS) Long ceilingCents, OffsetDateTime offerExpiresAt) {
}
