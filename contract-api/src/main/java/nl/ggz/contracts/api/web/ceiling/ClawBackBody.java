package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

public record ClawBackBody(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents, @NotBlank @Size(max = Limits.MAX_TEXT) String reason,
                           @NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> declarationIds) {
}
