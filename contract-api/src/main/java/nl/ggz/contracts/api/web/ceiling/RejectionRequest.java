package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

public record RejectionRequest(@NotBlank @ValidText(Text.FREE_TEXT) String grounds) {
}
