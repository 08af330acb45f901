package nl.ggz.contracts.api.web.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

import java.util.List;

/**
 * A revised proposal: any of these, the rest stays as proposed before.
 *
 * @param tariffPercentage  a new tariff for every setting of the proposal
 * @param tariffPercentages new tariffs per setting number (after {@code tariffPercentage}); the others keep theirs
 */
public record ProposalRequest(@Positive @Max(Limits.MAX_CENTS) Long ceilingCents,
                              @ValidText(Text.DECIMAL) String tariffPercentage,
                              TariffPercentagesInput tariffPercentages,
                              @Size(min = 1, max = 8) List<@NotNull Integer> settings) {
}
