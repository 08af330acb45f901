package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record IncreaseRequestBody(@NotNull Long amountCents, @NotBlank String grounds) {
}
