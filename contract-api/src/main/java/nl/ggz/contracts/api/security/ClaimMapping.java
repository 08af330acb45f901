package nl.ggz.contracts.api.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which claims of a token say who calls ({@code ggz.security.claims.*}, values in {@code application.yml}): the same
 * for a bearer token and for the ID token of a browser sign-in. The defaults are the names of {@link TokenClaims};
 * an identity provider that cannot emit those names (Entra ID puts app roles in {@code roles}, extension attributes
 * under names of its own) is met by naming its claims here (README, Security).
 *
 * @param role         one of {@link Role}; a list claim (Entra's {@code roles}) must hold exactly one of them
 * @param insurer      the UZOVI code of a purchaser or claims system
 * @param provider     the AGB code of a provider's user
 * @param name         a display name (else the subject)
 * @param sourceSystem the calling system (else {@code azp}, else "api")
 */
@Validated
@ConfigurationProperties(prefix = "ggz.security.claims")
public record ClaimMapping(@NotBlank String role, @NotBlank String insurer, @NotBlank String provider,
                           @NotBlank String name, @NotBlank String sourceSystem) {

    /** The names of {@link TokenClaims}: what the embedded issuer writes, and what application.yml sets. */
    public static ClaimMapping standard() {
        return new ClaimMapping(TokenClaims.ROLE, TokenClaims.INSURER, TokenClaims.PROVIDER, TokenClaims.NAME,
                TokenClaims.SOURCE_SYSTEM);
    }
}
