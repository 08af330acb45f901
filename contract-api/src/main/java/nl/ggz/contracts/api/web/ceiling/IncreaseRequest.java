package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.domain.ceiling.IncreaseCriterion;

import java.util.List;

/**
 * An increase request: the amount, free-text grounds, and the criteria of the insurer's policy it makes its case on
 * (seed 001: waiting times, alternative care in the region, staff capacity, …; seed 002 §6.2); none when left out.
 */
public record IncreaseRequest(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents,
                              @NotBlank @ValidText(Text.FREE_TEXT) String grounds,
                              @Size(max = 20) List<@NotNull IncreaseCriterion> criteria) {
}
