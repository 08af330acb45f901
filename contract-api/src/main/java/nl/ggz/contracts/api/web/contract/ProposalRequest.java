package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import nl.ggz.contracts.api.web.Limits;

import java.util.List;

/** A revised proposal: any of the three, the rest stays as proposed before. */
public record ProposalRequest(@Positive @Max(Limits.MAX_CENTS) Long ceilingCents, String tariffPercentage, List<Integer> settings) {
}
