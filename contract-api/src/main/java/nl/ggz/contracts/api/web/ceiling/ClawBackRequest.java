package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.input.Limits;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

import java.util.List;

public record ClawBackRequest(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents,
                           @NotBlank @ValidText(Text.FREE_TEXT) String reason,
                           @NotEmpty @Size(max = 1000) List<@NotNull @ValidText(Text.ID) String> declarationIds) {
}
