package nl.ggz.contracts.api.security.dev;

import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;

/** Who the trial user wants to be: a role and, for the confined roles, its insurer or provider. */
// the role an id (not a code): PRIVACY_OFFICER holds an underscore; Role.valueOf judges it after
public record DevTokenRequest(@ValidText(Text.ID) String role,
                              @ValidText(Text.CODE) String insurerUzovi,
                              @ValidText(Text.CODE) String providerAgb,
                              @ValidText(Text.NAME) String name) {
}
