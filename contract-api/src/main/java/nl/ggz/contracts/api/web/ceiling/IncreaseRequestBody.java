package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record IncreaseRequestBody(@NotNull @Positive @Max(Limits.MAX_CENTS) Long amountCents, @NotBlank @Size(max = Limits.MAX_TEXT) String grounds) {
}
