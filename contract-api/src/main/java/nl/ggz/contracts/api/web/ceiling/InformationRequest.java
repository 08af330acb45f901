package nl.ggz.contracts.api.web.ceiling;

import jakarta.validation.constraints.NotBlank;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** The purchaser asks what is missing from an increase request (seed 001); the decision clock stops. */
public record InformationRequest(@NotBlank @ValidText(Text.FREE_TEXT) String question) {
}
