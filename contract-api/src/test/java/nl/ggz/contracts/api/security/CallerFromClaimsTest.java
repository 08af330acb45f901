package nl.ggz.contracts.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16: a browser session's caller is read from its ID token exactly as a bearer token's caller is, and the
 * claims that carry role and tenant are configurable (an identity provider such as Entra ID cannot emit ours).
 */
class CallerFromClaimsTest {

    private static final Instant NOW = Instant.now();
    private static final ClaimMapping ENTRA = new ClaimMapping("roles", "extn.insurerUzovi", "extn.providerAgb",
            "name", "source_system");

    @Test
    void anIdTokenAndABearerTokenWithTheSameClaimsAreTheSameCaller() {
        Map<String, Object> claims = Map.of("sub", "inkoper-7095", "role", "PURCHASER", "insurer_uzovi", "7095",
                "name", "Anna");
        Caller fromIdToken = Caller.of(new OidcIdToken("id", NOW, NOW.plusSeconds(60), claims), ClaimMapping.standard());
        Caller fromBearer = Caller.of(Jwt.withTokenValue("t").header("alg", "RS256").claims(c -> c.putAll(claims))
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(60)).build());
        assertThat(fromIdToken).isEqualTo(fromBearer)
                .isEqualTo(new Caller("inkoper-7095", "Anna", Role.PURCHASER, "7095", null, "api"));
    }

    @Test
    void entraIdsAppRolesListAndExtensionAttributesAreReadThroughTheMapping() {
        Caller caller = Caller.of(idToken(Map.of("sub", "x", "roles", List.of("PURCHASER"),
                "extn.insurerUzovi", "3311")), ENTRA);
        assertThat(caller.role()).isEqualTo(Role.PURCHASER);
        assertThat(caller.insurer()).isEqualTo("3311");
        // a provider's AGB code under its own name
        assertThat(Caller.of(idToken(Map.of("sub", "y", "roles", List.of("PROVIDER"), "extn.providerAgb", "94001234")),
                ENTRA).provider()).isEqualTo("94001234");
    }

    @Test
    void aRoleListNamingTwoRolesOrNoneIsRefused() {
        assertThatThrownBy(() -> Caller.of(idToken(Map.of("sub", "x", "roles", List.of("PURCHASER", "REGULATOR"),
                "extn.insurerUzovi", "3311")), ENTRA))
                .isInstanceOf(Caller.Refused.class).hasMessageContaining("more than one role");
        assertThatThrownBy(() -> Caller.of(idToken(Map.of("sub", "x", "roles", List.of("Reader"))), ENTRA))
                .isInstanceOf(Caller.Refused.class).hasMessageContaining("roles claim must be one of");
    }

    @Test
    void aPurchaserWithoutItsInsurerUnderTheMappedNameIsRefusedNamingTheClaim() {
        // insurer_uzovi is present, but the mapping says the insurer is elsewhere
        assertThatThrownBy(() -> Caller.of(idToken(Map.of("sub", "x", "roles", List.of("PURCHASER"),
                "insurer_uzovi", "3311")), ENTRA))
                .isInstanceOf(Caller.Refused.class).hasMessageContaining("extn.insurerUzovi");
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        return new OidcIdToken("id", NOW, NOW.plusSeconds(60), claims);
    }
}
