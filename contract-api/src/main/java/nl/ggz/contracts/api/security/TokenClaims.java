package nl.ggz.contracts.api.security;

/**
 * The claims this application reads from a bearer token. An identity provider such as Keycloak is configured to put
 * them in the access token (a hard-coded claim or a user attribute mapper per client or user).
 */
public final class TokenClaims {
    /** One of {@link Role}. */
    public static final String ROLE = "role";
    /** The insurer (UZOVI code) of a purchaser or a claims system. */
    public static final String INSURER = "insurer_uzovi";
    /** The provider (AGB code) of a provider's user. */
    public static final String PROVIDER = "provider_agb";
    /** A display name, used where the caller signs; the principal itself is the subject ({@code sub}). */
    public static final String NAME = "name";
    /** The calling system, recorded in every event; else the token's client ({@code azp}), else "api". */
    public static final String SOURCE_SYSTEM = "source_system";

    private TokenClaims() {
    }
}
