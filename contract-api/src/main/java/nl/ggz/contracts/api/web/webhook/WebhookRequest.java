package nl.ggz.contracts.api.web.webhook;

import jakarta.validation.constraints.NotNull;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/**
 * A receiver to register: the insurer whose claims feed it receives, and its URL (https://; the URL's own rules are
 * {@code WebhookUrl}'s).
 */
public record WebhookRequest(@NotNull @ValidText(Text.CODE) String insurerUzovi,
                             @NotNull @ValidText(Text.FREE_TEXT) String url) {
}
