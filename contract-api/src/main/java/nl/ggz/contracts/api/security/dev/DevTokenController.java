package nl.ggz.contracts.api.security.dev;

import jakarta.validation.Valid;

import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.Role;
import nl.ggz.contracts.api.security.ClaimMapping;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Hands out a token for any role, for scripts that try the application: it exists only in the embedded default
 * ({@link DevTokensCondition}), as a convenience of its identity provider ({@link TrialIdentityProvider}): signed with
 * the same key, under the same issuer, for the same audience, with the same claims as the tokens of a sign-in.
 */
@RestController
@Conditional(DevTokensCondition.class)
@RequestMapping("/api/dev/tokens")
public class DevTokenController {

    private static final Duration VALIDITY = Duration.ofHours(8);

    private final JwtEncoder encoder;
    private final Clock clock;
    private final TrialIssuer issuer;
    private final ClaimMapping claimNames;

    public DevTokenController(JwtEncoder encoder, Clock clock, TrialIssuer issuer, ClaimMapping claimNames) {
        this.encoder = encoder;
        this.clock = clock;
        this.issuer = issuer;
        this.claimNames = claimNames;
    }

    @PostMapping
    public Map<String, Object> token(@Valid @RequestBody DevTokenRequest request) {
        Role role = role(request.role());
        if ((role == Role.PURCHASER || role == Role.CLAIMS || role == Role.PRIVACY_OFFICER)
                && (request.insurerUzovi() == null || !request.insurerUzovi().matches("\\d{4}"))) {
            throw new InvalidValueException("a " + role + " needs insurerUzovi, the insurer's 4-digit UZOVI code");
        }
        if (role == Role.PROVIDER && (request.providerAgb() == null || !request.providerAgb().matches("\\d{8}"))) {
            throw new InvalidValueException("a PROVIDER needs providerAgb, the provider's 8-digit AGB code");
        }
        // a code given where the role needs none still goes into the token: it must be a code too
        if (request.insurerUzovi() != null && !request.insurerUzovi().matches("\\d{4}")) {
            throw new InvalidValueException("insurerUzovi is the insurer's 4-digit UZOVI code");
        }
        if (request.providerAgb() != null && !request.providerAgb().matches("\\d{8}")) {
            throw new InvalidValueException("providerAgb is the provider's 8-digit AGB code");
        }
        String name = request.name() == null || request.name().isBlank()
                ? role.name().toLowerCase() + "-" + (request.insurerUzovi() != null ? request.insurerUzovi()
                : request.providerAgb() != null ? request.providerAgb() : "nza")
                : request.name().strip();
        if (name.length() > 100) {
            throw new InvalidValueException("name is at most 100 characters");
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer.uri())
                .audience(List.of(TrialIssuer.AUDIENCE))
                .subject(name)
                .issuedAt(now)
                .expiresAt(now.plus(VALIDITY))
                .claim(claimNames.role(), role.name())
                .claim(claimNames.name(), name)
                .claim(claimNames.sourceSystem(), "dev-token");
        if (request.insurerUzovi() != null) {
            claims.claim(claimNames.insurer(), request.insurerUzovi());
        }
        if (request.providerAgb() != null) {
            claims.claim(claimNames.provider(), request.providerAgb());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(header, claims.build()));
        // the same checks every request with this token meets
        Caller.of(jwt, claimNames);
        return Map.of("token", jwt.getTokenValue(), "expiresAt", jwt.getExpiresAt().toString());
    }

    private static Role role(String value) {
        try {
            return Role.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("role must be PURCHASER, PROVIDER, CLAIMS, REGULATOR, OPERATOR or "
                    + "PRIVACY_OFFICER, got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
    }
}
