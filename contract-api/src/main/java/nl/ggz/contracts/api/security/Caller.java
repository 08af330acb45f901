package nl.ggz.contracts.api.security;

import nl.ggz.contracts.api.problem.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.ClaimAccessor;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Who is calling, as the bearer token or the browser session's ID token says: never the request body or a header. The one notion of the caller: its
 * principal (recorded in every event it causes), its role, and the insurer or provider it is confined to — the tenant:
 * the insurer for purchasers and claims systems, the provider for providers; the regulator and the operator have none.
 */
public record Caller(String principal, String name, Role role, String insurer, String provider,
                       String sourceSystem) implements Serializable {

    private static final Pattern UZOVI = Pattern.compile("\\d{4}");
    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Set<String> ROLE_NAMES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    /** The signed-in caller of this request, if any: by bearer token or by browser session. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof SignedIn signedIn) {
            return Optional.of(signedIn.caller());
        }
        if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
            return Optional.of(signedIn.caller());
        }
        return Optional.empty();
    }

    /** A bearer token's claims, named as {@link TokenClaims} says (the embedded issuer's own tokens). */
    public static Caller of(Jwt jwt) {
        try {
            return of(jwt, ClaimMapping.standard());
        } catch (Refused e) {
            throw new InvalidBearerTokenException(e.getMessage());
        }
    }

    /**
     * Reads and checks the claims of a bearer token or an ID token, named as the mapping says; claims that name no
     * valid role and tenant are refused ({@link Refused}: the token, or the sign-in, is refused).
     */
    public static Caller of(ClaimAccessor claims, ClaimMapping mapping) {
        String subject = claims.getClaimAsString("sub");
        if (subject == null || subject.isBlank()) {
            throw new Refused("the token has no subject (sub)");
        }
        Role role = role(claims.getClaims().get(mapping.role()), mapping.role());
        String insurer = claims.getClaimAsString(mapping.insurer());
        String provider = claims.getClaimAsString(mapping.provider());
        switch (role) {
            case PURCHASER, CLAIMS, PRIVACY_OFFICER -> {
                if (insurer == null || !UZOVI.matcher(insurer).matches()) {
                    throw new Refused("a " + role + " token needs " + mapping.insurer()
                            + ", a 4-digit UZOVI code");
                }
                provider = null;
            }
            case PROVIDER -> {
                if (provider == null || !AGB.matcher(provider).matches()) {
                    throw new Refused("a PROVIDER token needs " + mapping.provider() + ", an 8-digit AGB code");
                }
                insurer = null;
            }
            default -> {
                insurer = null;
                provider = null;
            }
        }
        String name = claims.getClaimAsString(mapping.name());
        String source = claims.getClaimAsString(mapping.sourceSystem());
        if (source == null) {
            source = claims.getClaimAsString("azp");
        }
        return new Caller(subject, name == null || name.isBlank() ? subject : name, role, insurer, provider,
                source == null || source.isBlank() ? "api" : source);
    }

    /** One role: a plain claim, or a list (Entra ID's app roles) holding exactly one of the roles. */
    private static Role role(Object claim, String claimName) {
        String refusal = "the token's " + claimName + " claim must be one of PURCHASER, PROVIDER, CLAIMS, "
                + "REGULATOR, OPERATOR or PRIVACY_OFFICER";
        if (claim instanceof Collection<?> values) {
            List<Role> roles = values.stream().map(String::valueOf).filter(ROLE_NAMES::contains).distinct()
                    .map(Role::valueOf).toList();
            if (roles.size() != 1) {
                throw new Refused(roles.isEmpty() ? refusal
                        : "the token's " + claimName + " claim names more than one role: " + roles);
            }
            return roles.get(0);
        }
        String value = claim == null ? "" : claim.toString();
        if (!ROLE_NAMES.contains(value)) {
            throw new Refused(refusal);
        }
        return Role.valueOf(value);
    }

    /** Claims that name no valid caller. */
    public static class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
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
