package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

import java.util.List;

/** A revised proposal: any of the three, the rest stays as proposed before. */
public record ProposalRequest(@Positive @Max(Limits.MAX_CENTS) Long ceilingCents,
                              @ValidText(Text.DECIMAL) String tariffPercentage,
                              @Size(min = 1, max = 8) List<@NotNull Integer> settings) {
}
