package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

public record IncreaseRequest(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents,
                                  @NotBlank @ValidText(Text.FREE_TEXT) String grounds) {
}
