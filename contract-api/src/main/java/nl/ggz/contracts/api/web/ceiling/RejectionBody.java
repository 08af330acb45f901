package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.Size;
import nl.ggz.contracts.api.web.Limits;

import jakarta.validation.constraints.NotBlank;

public record RejectionBody(@NotBlank @Size(max = Limits.MAX_TEXT) String grounds) {
}
