package nl.ggz.contracts.api.security.dev;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** Who the trial user wants to be: a role and, for the confined roles, its insurer or provider. */
public record DevTokenRequest(@ValidText(Text.CODE) String role,
                              @ValidText(Text.CODE) String insurerUzovi,
                              @ValidText(Text.CODE) String providerAgb,
                              @ValidText(Text.NAME) String name) {
}
