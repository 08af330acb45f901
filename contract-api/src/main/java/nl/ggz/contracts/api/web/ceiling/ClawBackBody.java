package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

public record ClawBackBody(@NotNull Long amountCents, @NotBlank String reason,
                           @NotEmpty List<@NotBlank String> declarationIds) {
}
