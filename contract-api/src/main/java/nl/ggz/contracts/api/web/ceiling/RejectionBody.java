package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;

public record RejectionBody(@NotBlank String grounds) {
}
