package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** The provider sends the information asked for: the request is complete and its decision clock runs again. */
public record CompletionRequest(@NotBlank @ValidText(Text.FREE_TEXT) String information) {
}
