package nl.ggz.contracts.api.security;

import nl.ggz.contracts.api.problem.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is calling, as the bearer token says: never the request body or a header. The one notion of the caller: its
 * principal (recorded in every event it causes), its role, and the insurer or provider it is confined to — the tenant:
 * the insurer for purchasers and claims systems, the provider for providers; the regulator and the operator have none.
 */
public record Caller(String principal, String name, Role role, String insurer, String provider,
                       String sourceSystem) {

    private static final Pattern UZOVI = Pattern.compile("\\d{4}");
    private static final Pattern AGB = Pattern.compile("\\d{8}");

    /** The signed-in caller of this request, if any. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    /** Reads and checks a token's claims; a token that names no valid role and tenant is refused as invalid. */
    public static Caller of(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("the token has no subject (sub)");
        }
        String roleClaim = jwt.getClaimAsString(TokenClaims.ROLE);
        Role role;
        try {
            role = Role.valueOf(roleClaim == null ? "" : roleClaim);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("the token's role claim must be one of PURCHASER, PROVIDER, CLAIMS, "
                    + "REGULATOR, OPERATOR or PRIVACY_OFFICER");
        }
        String insurer = jwt.getClaimAsString(TokenClaims.INSURER);
        String provider = jwt.getClaimAsString(TokenClaims.PROVIDER);
        switch (role) {
            case PURCHASER, CLAIMS, PRIVACY_OFFICER -> {
                if (insurer == null || !UZOVI.matcher(insurer).matches()) {
                    throw new InvalidBearerTokenException("a " + role + " token needs insurer_uzovi, a 4-digit UZOVI code");
                }
                provider = null;
            }
            case PROVIDER -> {
                if (provider == null || !AGB.matcher(provider).matches()) {
                    throw new InvalidBearerTokenException("a PROVIDER token needs provider_agb, an 8-digit AGB code");
                }
                insurer = null;
            }
            default -> {
                insurer = null;
                provider = null;
            }
        }
        String name = jwt.getClaimAsString(TokenClaims.NAME);
        String source = jwt.getClaimAsString(TokenClaims.SOURCE_SYSTEM);
        if (source == null) {
            source = jwt.getClaimAsString("azp");
        }
        return new Caller(subject, name == null || name.isBlank() ? subject : name, role, insurer, provider,
                source == null || source.isBlank() ? "api" : source);
    }

    /** The signed-in caller; a request without one never gets this far (the role table), so this is a 403 at most. */
    public static Caller require() {
        return current().orElseThrow(() -> new ForbiddenException("no signed-in caller"));
    }

    /** The signatory named in the body (a person signing for the provider), or else the caller's name. */
    public static String signatory(String signedBy) {
        return signedBy != null && !signedBy.isBlank() ? signedBy : current().map(Caller::name).orElse("anonymous");
    }

    /** The insurer or provider whose data this caller is confined to; null when it reads across tenants. */
    public String tenant() {
        return insurer != null ? insurer : provider;
    }

    /** May this caller see data of the given contract (its insurer and provider)? */
    public boolean sees(String contractInsurer, String contractProvider) {
        return switch (role) {
            case REGULATOR -> true;
            case PURCHASER, CLAIMS -> insurer.equals(contractInsurer);
            case PROVIDER -> provider.equals(contractProvider);
            case OPERATOR, PRIVACY_OFFICER -> false;
        };
    }
}
